"""Demo content: a year of Team Domino's events around the day the demo is loaded.

Dates are relative to the day of the first load (so a fresh demo is always current) and follow a
Swedish school year (``kcsite.pages.schoolyear``: weekdays outside the Christmas, summer, sports
and autumn holidays, times in working hours); a second run finds everything in place and changes
nothing.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from kcsite.pages.demo_tools import home_page
from kcsite.pages.schoolyear import add_school_days, school_day, working_time
from kcsite.vocabularies import Audience
from methodbank.library.models import FilmPage
from methodbank.models import MethodPage

from .models import (
    EventFormat,
    EventIndexPage,
    EventOccasion,
    EventPage,
    EventRelatedFilm,
    EventRelatedMethod,
    EventType,
    Registration,
)


def _p(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def _day(day_offset):
    """The school day nearest ``day_offset`` days from today: later for a future date, earlier
    for a past one (so past events stay past)."""
    day = timezone.localdate() + timedelta(days=day_offset)
    return school_day(day, backwards=day_offset < 0)


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _occasions(occasions):
    """EventOccasions on school days; later parts keep their distance from the first part."""
    first_offset = occasions[0][0]
    first_day = _day(first_offset)
    result = []
    for day_offset, start_hour, end_hour, *note in occasions:
        day = school_day(first_day + timedelta(days=day_offset - first_offset))
        result.append(
            EventOccasion(
                start=_at(day, start_hour), end=_at(day, end_hour), note=note[0] if note else ""
            )
        )
    return result


CENTRE = {
    "event_format": EventFormat.ON_SITE,
    "place_name": "Kunskapscentrum för skolnärvaro, Stadshuset",
    "address": "Kungsgatan 55\n503 35 Borås",
}
DIGITAL = {
    "event_format": EventFormat.DIGITAL,
    "meeting_link": "https://meet.example.org/team-domino-demo",
}

EVENTS = [
    # slug, fields, occasions (day offset, start, end, note)
    (
        "franvarorutinen-i-praktiken-host",
        {
            "title": "Frånvarorutinen i praktiken",
            "event_type": EventType.TRAINING,
            "audience": Audience.ALL_STAFF,
            "intro": "Hur skolans rutin för frånvaro blir något mer än en pappersprodukt: vem gör "
            "vad, när och hur – från första frånvarodagen till anmälan till huvudmannen.",
            "capacity": 30,
            **CENTRE,
        },
        [(-75, 13, 16)],
    ),
    (
        "kartlaggning-av-skolfranvaro",
        {
            "title": "Kartläggning av skolfrånvaro – metod och analys",
            "event_type": EventType.TRAINING,
            "audience": Audience.PUPIL_HEALTH,
            "intro": "Två halvdagar om att utreda upprepad och långvarig frånvaro skyndsamt, "
            "enligt skollagen 7 kap. 19 a §, och om att analysera orsakerna tillsammans.",
            "capacity": 25,
            "ask_school_unit": True,
            **CENTRE,
        },
        [(14, 9, 12, "Del 1"), (28, 9, 12, "Del 2")],
    ),
    (
        "samtalsmetodik-omtankesamtalet",
        {
            "title": "Samtalsmetodik: omtankesamtalet",
            "event_type": EventType.TRAINING,
            "audience": Audience.TEACHERS,
            "intro": "För mentorer och lärare: att leda ett omtankesamtal med elev och "
            "vårdnadshavare när frånvaron börjar oroa.",
            "capacity": 12,
            **DIGITAL,
        },
        [(7, 14, 16)],
    ),
    (
        "kunskapsutbyte-stangd-anmalan",
        {
            "title": "Kunskapsutbyte: frånvaro uttryckt i missad undervisningstid",
            "event_type": EventType.KNOWLEDGE_EXCHANGE,
            "audience": Audience.PRINCIPALS,
            "intro": "Rektorer delar erfarenheter av att redovisa frånvaro i dagar och veckor "
            "i stället för procent.",
            "capacity": 30,
            **CENTRE,
        },
        [(3, 13, 15)],
    ),
    (
        "kunskapsutbyte-narvaroframmande-hogstadiet",
        {
            "title": "Kunskapsutbyte: närvarofrämjande arbete på högstadiet",
            "event_type": EventType.KNOWLEDGE_EXCHANGE,
            "audience": Audience.ALL_STAFF,
            "intro": "Skolor berättar om vad som har fungerat på främjande nivå – och vad som "
            "inte gjorde det. Fika ingår.",
            "capacity": 40,
            **CENTRE,
        },
        [(35, 13, 16)],
    ),
    (
        "natverkstraff-var",
        {
            "title": "Närvaronätverket: nätverksträff om samverkan med IFO",
            "event_type": EventType.NETWORK_MEETING,
            "audience": Audience.NETWORK,
            "intro": "Elevhälsa, socialtjänst och skola om samverkan och samtycke.",
            "capacity": 50,
            **DIGITAL,
        },
        [(-130, 9, 11)],
    ),
    (
        "natverkstraff-digital",
        {
            "title": "Närvaronätverket: digital nätverksträff",
            "event_type": EventType.NETWORK_MEETING,
            "audience": Audience.NETWORK,
            "intro": "Aktuellt i närvaroarbetet och erfarenhetsutbyte i mindre grupper.",
            "capacity": 60,
            **DIGITAL,
        },
        [(50, 9, 11)],
    ),
    (
        "gdq-dag-for-elevhalsoteam",
        {
            "title": "GDQ-dag för elevhälsoteam",
            "event_type": EventType.GROUP_DEVELOPMENT,
            "audience": Audience.PUPIL_HEALTH,
            "intro": "En dag med Group Development Questionnaire (GDQ): teamet kartlägger sitt "
            "samarbete och väljer nästa steg tillsammans.",
            "capacity": 16,
            "ask_school_unit": True,
            **CENTRE,
        },
        [(80, 9, 16)],
    ),
    (
        "franvarorutinen-for-nya-mentorer",
        {
            "title": "Frånvarorutinen – introduktion för nya mentorer",
            "event_type": EventType.TRAINING,
            "audience": Audience.TEACHERS,
            "intro": "Mentorns roll i frånvarorutinen, från tidiga tecken till handlingsplan.",
            "capacity": 35,
            "registration_opens": "opens+60",
            **CENTRE,
        },
        [(110, 13, 16)],
    ),
    (
        "natverkstraff-host",
        {
            "title": "Närvaronätverket: nätverksträff på plats",
            "event_type": EventType.NETWORK_MEETING,
            "audience": Audience.NETWORK,
            "intro": "Vi ses på plats: tema orsaker och riskfaktorer.",
            "capacity": 45,
            **CENTRE,
        },
        [(140, 13, 16)],
    ),
    (
        "tidiga-tecken-pa-problematisk-franvaro",
        {
            "title": "Tidiga tecken på problematisk skolfrånvaro",
            "event_type": EventType.TRAINING,
            "audience": Audience.ALL_STAFF,
            "intro": "Orsaker, riskfaktorer och tidiga tecken – och vad skolan gör på "
            "förebyggande nivå.",
            "capacity": 40,
            **DIGITAL,
        },
        [(200, 14, 16)],
    ),
    (
        "kunskapsutbyte-ifo-bup",
        {
            "title": "Kunskapsutbyte med socialtjänst och BUP",
            "event_type": EventType.KNOWLEDGE_EXCHANGE,
            "audience": Audience.IFO_BUP,
            "intro": "Hur vi arbetar tillsammans när frånvaron är långvarig.",
            "capacity": 30,
            **CENTRE,
        },
        [(250, 9, 12)],
    ),
    (
        "kartlaggning-var",
        {
            "title": "Kartläggning av skolfrånvaro – grundkurs",
            "event_type": EventType.TRAINING,
            "audience": Audience.PUPIL_HEALTH,
            "intro": "Grundkurs i kartläggning med Team Domino.",
            "capacity": 25,
            **CENTRE,
        },
        [(-200, 9, 12)],
    ),
]

TRANSLATIONS = {
    "samtalsmetodik-omtankesamtalet": {
        "title": "Conversation methods: the care conversation",
        "intro": "For mentors and teachers: leading a care conversation with a pupil and their "
        "guardians when absence starts to worry.",
    },
    "kartlaggning-av-skolfranvaro": {
        "title": "Mapping school absence – method and analysis",
        "intro": "Two half-days on promptly investigating repeated and long absence and "
        "analysing its causes together.",
    },
    "gdq-dag-for-elevhalsoteam": {
        "title": "GDQ day for pupil-health teams",
        "intro": "A day with the Group Development Questionnaire (GDQ).",
    },
}

PEOPLE = [
    ("Anna Lind", "Kurator"),
    ("Erik Johansson", "Mentor"),
    ("Sara Ahmadi", "Specialpedagog"),
    ("Johan Berg", "Rektor"),
    ("Maria Nilsson", "Skolsköterska"),
    ("Ali Hassan", "Socialpedagog"),
    ("Karin Ström", "Lärare"),
    ("Peter Holm", "Skolpsykolog"),
    ("Lena Ek", "Mentor"),
    ("Omar Yusuf", "Socialsekreterare"),
    ("Eva Sjöberg", "Lärare"),
    ("Nils Åberg", "Biträdande rektor"),
    ("Fatima Karimi", "Kurator"),
    ("Linnea Dahl", "Lärare"),
    ("Mats Lund", "Mentor"),
    ("Ida Berglund", "Specialpedagog"),
    ("Hanna Öberg", "Lärare"),
    ("Jonas Wik", "Socialpedagog"),
]
SCHOOLS = ["Sandwalls skola", "Engelbrektskolan", "Daltorpskolan", "Fristadskolan", "IFO Borås"]


def _registrations(demo, event, statuses):
    """Registrations stamped in working hours on school days, a few a day, from a date well
    before both today and the event."""
    first_day = timezone.localtime(event.first_occasion.start).date()
    start_day = min(timezone.localdate() - timedelta(days=20), first_day - timedelta(days=14))
    for index, status in enumerate(statuses):
        day = add_school_days(start_day, index // 4)
        stamp = working_time(timezone.make_aware(datetime.combine(day, time(12))), seed=index)
        name, role = PEOPLE[index % len(PEOPLE)]
        email = f"{name.split()[0].lower()}.{index}@demo.example.org".replace("å", "a")
        email = email.replace("ä", "a").replace("ö", "o")
        _, created = Registration.objects.get_or_create(
            event=event,
            email=email,
            defaults={
                "name": name,
                "organisation": SCHOOLS[index % len(SCHOOLS)],
                "role": role,
                "status": status,
                "created_at": stamp,
                "queued_at": stamp,
                "status_changed_at": stamp,
            },
        )
        demo.tally(created)


RELATED_METHODS = {
    "samtalsmetodik-omtankesamtalet": "samtal",
    "kartlaggning-av-skolfranvaro": "kartl",
    "franvarorutinen-for-nya-mentorer": "rutin",
}


RELATED_FILMS = {
    "tidiga-tecken-pa-problematisk-franvaro": "tidiga tecken",
    "franvarorutinen-for-nya-mentorer": "tidiga tecken",
}


def _films(word, limit=1):
    if not word:
        return []
    return list(
        FilmPage.objects.filter(locale__language_code="sv", title__icontains=word).order_by("path")[
            :limit
        ]
    )


def _methods(word, limit=2):
    """Demo methods whose title contains ``word`` (none if the method bank has no such page)."""
    if not word:
        return []
    return list(
        MethodPage.objects.filter(locale__language_code="sv", title__icontains=word).order_by(
            "path"
        )[:limit]
    )


def load_demo(demo):
    demo.step("Utbildningar och träffar")
    home = home_page("sv")
    index = demo.page(
        home,
        EventIndexPage,
        "utbildningar",
        title="Utbildningar och träffar",
        intro="Team Domino håller utbildningar, kunskapsutbyten, GDQ-dagar för elevhälsoteam "
        "och träffar i närvaronätverket. Anmäl dig här – det tar en minut.",
        search_description="Utbildningar, kunskapsutbyten och nätverksträffar om skolnärvaro: "
        "hitta, anmäl dig och lägg in i kalendern.",
        show_in_menus=True,
    )
    pages = {}
    for slug, fields, occasions in EVENTS:
        fields = dict(fields)
        fields["occasions"] = _occasions(occasions)
        first_day = timezone.localtime(fields["occasions"][0].start).date()
        if fields.get("registration_opens") == "opens+60":
            # opens about seven weeks before the event (at least 60 days from today)
            fields["registration_opens"] = _at(school_day(first_day - timedelta(days=50), True), 8)
        if slug == "kunskapsutbyte-stangd-anmalan":
            # closed early: the organisers stopped registration the previous school day
            fields["registration_closes"] = _at(_day(-1), 16)
        fields["organisers"] = "Team Domino"
        fields["body"] = [
            _p(
                "Utbildningen leds av Team Domino, Kunskapscentrum för skolnärvaro. "
                "Ta gärna med en kollega från elevhälsan."
            ),
        ]
        fields["related_methods"] = [
            EventRelatedMethod(method=method) for method in _methods(RELATED_METHODS.get(slug))
        ]
        fields["related_films"] = [
            EventRelatedFilm(film=film) for film in _films(RELATED_FILMS.get(slug))
        ]
        pages[slug] = demo.page(index, EventPage, slug, **fields)

    demo.step("Anmälningar (fullbokad utbildning med väntelista, genomförd utbildning)")
    _registrations(
        demo,
        pages["samtalsmetodik-omtankesamtalet"],
        [Registration.Status.CONFIRMED] * 12 + [Registration.Status.WAITLISTED] * 3,
    )
    _registrations(
        demo,
        pages["franvarorutinen-i-praktiken-host"],
        [Registration.Status.ATTENDED] * 16
        + [Registration.Status.NO_SHOW] * 2
        + [Registration.Status.CANCELLED] * 2,
    )
    _registrations(demo, pages["kartlaggning-av-skolfranvaro"], [Registration.Status.CONFIRMED] * 9)

    demo.step("Utbildningar och träffar på engelska")
    demo.translation(
        index,
        "en",
        title="Trainings and meetings",
        slug="trainings",
        intro="Team Domino's trainings, knowledge exchanges, GDQ days and network meetings. "
        "Register here – it takes a minute.",
        search_description="Trainings, knowledge exchanges and network meetings on school "
        "attendance.",
    )
    for slug, fields in TRANSLATIONS.items():
        demo.translation(pages[slug], "en", **fields)
