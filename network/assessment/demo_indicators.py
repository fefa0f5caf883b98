"""The demo indicator set of "Hur står vi oss?", written from the domain sources.

Plain data, loaded by :mod:`network.assessment.demo`. Six areas (the three tiers, organisation
and routines, collaboration, mapping), 21 statements, each with four levels in words
(1 = not started … 4 = established and followed up). Where the words come from:

* the three tiers (promote / prevent / act) — *Närvaroarbete i skolan* (Kearney & Graczyk 2014);
* same-day contact with guardians — 7 kap. 17 § skollagen; prompt investigation and the report
  to the organiser — 7 kap. 19 a § skollagen;
* routines that are carried out, clear roles and mandates, structured meetings, follow-up,
  guardians and pupils who know the routine and are involved, training in early signs, mapping
  and conversation methods — the Kramfors mapping (2024);
* collaboration with IFO and BUP, mapping of causes including pedagogical ones — Borås (2021);
* principals who did not know the help existed — the Uppsala follow-up (2021).

Each statement names method-bank slugs (the methodbank demo), event types
(:class:`events.models.EventType` codes) and a Team Domino service
(:class:`network.support.choices.ServiceKind` code).
"""

SET_TITLE = "Hur står vi oss? Skolans närvaroarbete"
SET_INTRO = (
    "En självskattning för rektor och elevhälsoteam. Gå igenom påståendena tillsammans och "
    "välj den nivå som bäst beskriver hur det ser ut i dag – inte hur rutinen säger att det "
    'ska vara. Svara "vet inte" när ingen av er vet: det är också ett svar. Skriv aldrig '
    "något om enskilda elever."
)

AREAS = [
    {
        "key": "promote",
        "title": "Främjande arbete",
        "intro": "Det som hela skolan gör för att alla elever ska vilja och kunna vara i skolan: "
        "skolklimat, relationer, lärmiljö och en närvaro som registreras och följs upp.",
        "statements": [
            {
                "key": "climate-and-relations",
                "text": "Skolan arbetar medvetet med ett välkomnande skolklimat och goda "
                "relationer mellan elever och vuxna.",
                "levels": [
                    "Vi har inte pratat om skolklimatet som en del av närvaroarbetet.",
                    "Enskilda lärare och mentorer arbetar med relationer, men det är "
                    "personberoende.",
                    "Skolan har gemensamma sätt att ta emot eleverna och bygga relationer, "
                    "men de används inte av alla.",
                    "Relationsarbetet är gemensamt, syns i vardagen (t.ex. raster och lunch) "
                    "och följs upp varje läsår.",
                ],
                "methods": [
                    "valkomnande-skolklimat",
                    "trygga-raster-och-lunch",
                    "mentorssamtal-om-skolsituationen",
                ],
                "event_types": ["training", "knowledge_exchange"],
                "service_kind": "consultation",
            },
            {
                "key": "learning-environment",
                "text": "Skolan tar reda på hur eleverna upplever trivsel, trygghet och lärmiljö "
                "och använder svaren i det systematiska kvalitetsarbetet.",
                "levels": [
                    "Vi frågar inte eleverna om lärmiljön.",
                    "Vi gör en enkät, men svaren leder sällan till förändringar.",
                    "Svaren analyseras och leder till åtgärder i några klasser eller ämnen.",
                    "Elevernas svar, frånvaron och lärmiljön analyseras tillsammans varje år och "
                    "åtgärderna följs upp.",
                ],
                "methods": [
                    "elevenkat-om-trivsel-och-trygghet",
                    "tydlig-struktur-i-undervisningen",
                    "franvaroanalys-pa-skolniva",
                ],
                "event_types": ["knowledge_exchange"],
                "service_kind": "process_support",
            },
            {
                "key": "registration",
                "text": "Frånvaron registreras korrekt på varje lektion och följs upp på skolnivå.",
                "levels": [
                    "Registreringen är ojämn och ingen följer upp den.",
                    "De flesta lärare registrerar, men luckor upptäcks sällan.",
                    "Registreringen kontrolleras regelbundet och luckor åtgärdas.",
                    "Registreringen är fullständig och frånvaron analyseras på skolnivå varje "
                    "månad.",
                ],
                "methods": ["korrekt-franvaroregistrering", "franvaroanalys-pa-skolniva"],
                "event_types": ["training"],
                "service_kind": "consultation",
            },
            {
                "key": "routine-known",
                "text": "Elever och vårdnadshavare känner till skolans frånvarorutin.",
                "levels": [
                    "Rutinen är inte känd utanför personalgruppen.",
                    "Rutinen finns på webben eller i ett utskick, men få känner till den.",
                    "Rutinen presenteras för vårdnadshavare vid skolstart och på möten.",
                    "Elever och vårdnadshavare vet vad som händer vid frånvaro; vi frågar dem "
                    "och förbättrar informationen.",
                ],
                "methods": ["information-om-franvarorutinen-till-vardnadshavare"],
                "event_types": [],
                "service_kind": "consultation",
            },
        ],
    },
    {
        "key": "prevent",
        "title": "Förebyggande arbete",
        "intro": "Att upptäcka begynnande frånvaro tidigt och agera innan den blir problematisk.",
        "statements": [
            {
                "key": "same-day-contact",
                "text": "Vårdnadshavare kontaktas samma dag när en elev är frånvarande utan "
                "giltigt skäl (7 kap. 17 § skollagen).",
                "levels": [
                    "Det finns ingen fast rutin för kontakten samma dag.",
                    "Kontakten tas oftast, men inte alltid samma dag eller av samma person.",
                    "Kontakten tas samma dag enligt rutinen, men det följs inte upp att den "
                    "fungerar.",
                    "Kontakten tas samma dag av en utsedd person och rutinen följs upp "
                    "regelbundet.",
                ],
                "methods": ["kontakt-med-vardnadshavare-samma-dag", "rutin-vid-ogiltig-franvaro"],
                "event_types": [],
                "service_kind": "consultation",
            },
            {
                "key": "early-signs",
                "text": "Personalen känner igen tidiga tecken på begynnande frånvaro och vet "
                "vad de ska göra.",
                "levels": [
                    "Personalen har inte fått kunskap om tidiga tecken.",
                    "Några i personalen har gått en utbildning om tidiga tecken.",
                    "All personal känner till tidiga tecken, men det är oklart vem som gör vad "
                    "när de ser dem.",
                    "All personal känner igen tidiga tecken, vet vem de ska lämna dem till och "
                    "kunskapen hålls levande för nyanställda.",
                ],
                "methods": ["tidiga-signaler-checklista", "kompetensutveckling-om-skolfranvaro"],
                "event_types": ["training"],
                "service_kind": "consultation",
            },
            {
                "key": "weekly-follow-up",
                "text": "Arbetslaget följer upp frånvaron varje vecka och agerar på mönster, "
                "uttryckta som missad undervisningstid i dagar och veckor.",
                "levels": [
                    "Frånvaron tas upp först när den redan är hög.",
                    "Frånvaron följs upp ibland, oftast i procent.",
                    "Frånvaron följs upp varje vecka, men mönster (t.ex. vissa lektioner eller "
                    "dagar) leder sällan till åtgärder.",
                    "Frånvaron följs upp varje vecka, räknas om till missad undervisningstid "
                    "och mönster leder till åtgärder som följs upp.",
                ],
                "methods": [
                    "veckovis-franvarouppfoljning",
                    "missad-undervisningstid-i-dagar-och-veckor",
                ],
                "event_types": ["knowledge_exchange"],
                "service_kind": "consultation",
            },
            {
                "key": "care-conversation",
                "text": "Mentorn har ett omtankesamtal med eleven och vårdnadshavarna när "
                "frånvaron börjar öka.",
                "levels": [
                    "Samtal hålls sällan innan frånvaron är stor.",
                    "Samtal hålls, men ofta via sms eller e-post och utan stöd för hur.",
                    "Mentorerna har en samtalsguide och tid för samtalen, men kvaliteten varierar.",
                    "Omtankesamtal hålls tidigt av mentorer som fått träning och handledning, "
                    "och det som sägs leder till handling.",
                ],
                "methods": ["omtankesamtal", "samtalsguide-om-franvaro"],
                "event_types": ["training"],
                "service_kind": "supervision",
            },
        ],
    },
    {
        "key": "act",
        "title": "Åtgärdande arbete",
        "intro": "Att hantera problematisk frånvaro när den har uppstått och få eleven tillbaka "
        "till undervisningen.",
        "statements": [
            {
                "key": "return-plan",
                "text": "Elever med problematisk frånvaro har en handlingsplan för återgång som "
                "genomförs och följs upp.",
                "levels": [
                    "Handlingsplaner görs sällan.",
                    "Handlingsplaner skrivs, men det som utlovas blir inte alltid gjort.",
                    "Handlingsplaner skrivs och följs, men uppföljningen är ojämn.",
                    "Varje plan har ansvariga, datum för uppföljning och en plan för att ta igen "
                    "missad undervisning – och den följs.",
                ],
                "methods": [
                    "handlingsplan-for-atergang",
                    "stegvis-atergang",
                    "plan-for-att-ta-igen-missad-undervisning",
                ],
                "event_types": ["training"],
                "service_kind": "supervision",
            },
            {
                "key": "case-coordination",
                "text": "Varje frånvaroärende har en utsedd person som håller ihop insatserna "
                "tills eleven är tillbaka.",
                "levels": [
                    "Det är oklart vem som håller ihop ärendena.",
                    "Någon håller ihop ärendena, men utan tydligt mandat och tid.",
                    "En ansvarig utses i varje ärende, men ärenden tappar fart mellan mötena.",
                    "En ansvarig med mandat håller ihop varje ärende och följer upp att det "
                    "som beslutas blir gjort.",
                ],
                "methods": ["samordnat-stod-vid-langvarig-franvaro", "morgonincheckning"],
                "event_types": [],
                "service_kind": "supervision",
            },
            {
                "key": "fitting-measures",
                "text": "Insatserna väljs utifrån orsakerna, t.ex. NPF, oro eller psykisk "
                "ohälsa, och inte av vana.",
                "levels": [
                    "Samma insatser används oavsett orsak.",
                    "Orsakerna diskuteras, men insatserna väljs ofta av vana.",
                    "Insatserna väljs oftast utifrån kartläggningen.",
                    "Insatserna väljs utifrån kartläggningen och anpassas när uppföljningen "
                    "visar att de inte hjälper.",
                ],
                "methods": ["npf-anpassningar-for-narvaro", "stod-vid-oro-och-psykisk-ohalsa"],
                "event_types": ["training"],
                "service_kind": "consultation",
            },
        ],
    },
    {
        "key": "routines",
        "title": "Organisation och rutiner",
        "intro": "Vem gör vad, när och hur – och blir det gjort? En rutin som bara finns på "
        "papper hjälper ingen elev.",
        "statements": [
            {
                "key": "routine-in-use",
                "text": "Skolans närvarorutin beskriver vem gör vad, när och hur – och den "
                "används i vardagen, inte bara på papper.",
                "levels": [
                    "Skolan har ingen egen närvarorutin.",
                    'Rutinen finns, men används sällan (en "pappersprodukt").',
                    'Rutinen används, men delar av den "checkas av" snarare än genomförs.',
                    "Rutinen används av alla, genomförs med kvalitet och revideras när den inte "
                    "fungerar.",
                ],
                "methods": ["skolgemensam-narvarorutin"],
                "event_types": [],
                "service_kind": "process_support",
            },
            {
                "key": "roles-and-mandates",
                "text": "Mentorers, socialpedagogers, elevhälsans och rektors roller och mandat "
                "i närvaroarbetet är tydliga och har tid avsatt.",
                "levels": [
                    "Rollerna är otydliga och uppgifter faller mellan stolarna.",
                    "Rollerna finns beskrivna, men mandat och tid saknas.",
                    "Rollerna är tydliga för de flesta, men någon roll (ofta mentorns) saknar tid.",
                    "Alla vet sin roll och sitt mandat, tid är avsatt och rollerna ses över "
                    "varje läsår.",
                ],
                "methods": ["skolgemensam-narvarorutin", "strukturerade-elevhalsoteamsmoten"],
                "event_types": ["group_development"],
                "service_kind": "process_support",
            },
            {
                "key": "structured-meetings",
                "text": "Elevhälsoteamet har en strukturerad mötesordning för frånvaroärenden "
                "och en sammanhållen processledning.",
                "levels": [
                    "Frånvaroärenden tas upp när någon hinner.",
                    "Ärendena tas upp på EHT, men utan fast struktur.",
                    "EHT har en mötesordning, men det saknas forum där lärare, elevhälsa och "
                    "skolledning möts.",
                    "En fast mötesordning och tvärprofessionella forum gör att ärenden drivs "
                    "framåt och inget tappas.",
                ],
                "methods": ["strukturerade-elevhalsoteamsmoten", "grupputveckling-med-gdq"],
                "event_types": ["group_development"],
                "service_kind": "gdq",
            },
            {
                "key": "systematic-follow-up",
                "text": "Skolledningen följer systematiskt upp närvaroarbetet och att det som "
                "beslutats blir gjort.",
                "levels": [
                    "Närvaroarbetet följs inte upp.",
                    "Frånvarosiffrorna följs upp, men inte hur arbetet genomförs.",
                    "Arbetet följs upp en gång per läsår.",
                    "Arbetet följs upp varje termin i det systematiska kvalitetsarbetet och "
                    "leder till ändringar.",
                ],
                "methods": ["franvaroanalys-pa-skolniva", "skolgemensam-narvarorutin"],
                "event_types": ["knowledge_exchange"],
                "service_kind": "process_support",
            },
        ],
    },
    {
        "key": "collaboration",
        "title": "Samverkan",
        "intro": "Samarbetet med vårdnadshavare, socialtjänsten (IFO), BUP och andra kring "
        "elever med problematisk frånvaro.",
        "statements": [
            {
                "key": "ifo",
                "text": "Skolan har en fungerande samverkan med socialtjänsten (IFO) och vet när "
                "och hur den ska kontaktas.",
                "levels": [
                    "Vi har ingen etablerad kontakt med socialtjänsten.",
                    "Kontakten sker i enskilda ärenden och hänger på personer.",
                    "Det finns kontaktvägar och en mall för samtycke, men de används ojämnt.",
                    "Skola och IFO har fasta kontaktvägar, samtycke inhämtas rutinmässigt och "
                    "samverkan följs upp.",
                ],
                "methods": ["samverkan-med-socialtjansten", "mall-for-samtycke"],
                "event_types": ["network_meeting", "knowledge_exchange"],
                "service_kind": "consultation",
            },
            {
                "key": "bup-and-sip",
                "text": "Vid omfattande frånvaro samordnas insatserna med BUP och socialtjänsten, "
                "t.ex. genom samverkansmöte eller SIP.",
                "levels": [
                    "Skolan arbetar ensam även när eleven har kontakt med andra.",
                    "Vi vet vilka andra som är inblandade, men insatserna samordnas inte.",
                    "Samverkansmöten hålls, men det är oklart vem som följer upp besluten.",
                    "Samverkansmöten eller SIP hålls med tydliga beslut, ansvariga och "
                    "uppföljning.",
                ],
                "methods": ["samverkansmote-och-sip", "mall-for-samtycke"],
                "event_types": ["network_meeting"],
                "service_kind": "process_support",
            },
            {
                "key": "guardians-involved",
                "text": "Vårdnadshavare är delaktiga från start, får återkoppling och kan lita på "
                "att skolan gör det som utlovats.",
                "levels": [
                    "Vårdnadshavare kontaktas först när frånvaron är stor.",
                    "Vårdnadshavare informeras, men får själva driva på för att få svar.",
                    "Vårdnadshavare bjuds in till planeringen, men återkopplingen är ojämn.",
                    "Vårdnadshavare är med från start, får regelbunden återkoppling och skolan "
                    "levererar det som lovats.",
                ],
                "methods": ["samtalsguide-om-franvaro", "hembesok-och-samtal-utanfor-skolan"],
                "event_types": ["training"],
                "service_kind": "supervision",
            },
        ],
    },
    {
        "key": "mapping",
        "title": "Kartläggning",
        "intro": "Att utreda frånvaron skyndsamt, förstå orsakerna och låta eleven själv "
        "komma till tals.",
        "statements": [
            {
                "key": "prompt-investigation",
                "text": "Upprepad eller långvarig frånvaro utreds skyndsamt och anmäls till "
                "huvudmannen (7 kap. 19 a § skollagen).",
                "levels": [
                    "Frånvaro utreds sällan.",
                    "Utredningar görs, men ofta sent eller utan anmälan till huvudmannen.",
                    "Utredningar påbörjas skyndsamt, men kvaliteten varierar.",
                    "Utredningen påbörjas skyndsamt, görs tillsammans med elev, vårdnadshavare "
                    "och elevhälsa och anmäls till huvudmannen.",
                ],
                "methods": ["utredning-och-anmalan-till-huvudman", "franvarokartlaggning"],
                "event_types": ["training"],
                "service_kind": "mapping",
            },
            {
                "key": "causes-broadly",
                "text": "Kartläggningen undersöker orsakerna brett – även pedagogiska orsaker "
                "och lärmiljön – innan insatser väljs.",
                "levels": [
                    "Insatser sätts in utan kartläggning.",
                    "Kartläggningen fokuserar på eleven och hemmet.",
                    "Kartläggningen använder en mall och tar med skolsituationen, men "
                    "analysen är tunn.",
                    "Kartläggningen tar med lärmiljö, relationer, hälsa och hemmet, och "
                    "analysen styr valet av insatser.",
                ],
                "methods": [
                    "franvarokartlaggning",
                    "mall-for-franvarokartlaggning",
                    "kartlaggning-av-larmiljon",
                ],
                "event_types": ["training"],
                "service_kind": "mapping",
            },
            {
                "key": "pupil-voice",
                "text": "Elevens egen röst finns med i kartläggningen och i planeringen.",
                "levels": [
                    "Eleven tillfrågas inte.",
                    "Eleven informeras om vad vuxna har bestämt.",
                    "Eleven får berätta om sin situation, men det syns sällan i planen.",
                    "Eleven är delaktig i kartläggning och plan och tillfrågas om hur det går.",
                ],
                "methods": ["elevens-perspektiv-i-kartlaggningen", "samtalsguide-om-franvaro"],
                "event_types": ["training"],
                "service_kind": "mapping",
            },
        ],
    },
]


def statement_count():
    return sum(len(area["statements"]) for area in AREAS)
