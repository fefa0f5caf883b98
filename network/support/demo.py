"""Demo content: /stod/ with the five services, two weeks of free times and a few requests."""

from datetime import time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from kcsite.pages.demo_tools import home_page
from kcsite.pages.schoolyear import school_day, working_time
from kcsite.vocabularies import SchoolForm, SchoolType

from .models import (
    MeetingMode,
    Role,
    ServiceKind,
    State,
    SupportIndexPage,
    SupportRequest,
    SupportServicePage,
    WeeklyPattern,
)
from .services.booking import free_slots, generate_slots
from .services.intake import allocate_reference

PREREQ_SV = (
    "Skolan ska ha uppmärksammat frånvaron, börjat utreda den och påbörjat insatser utifrån "
    "det som kommit fram. Kryssa i formuläret i hur långt ni har kommit."
)
PREREQ_EN = (
    "The school should have noticed the absence, started to investigate it and begun measures "
    "based on what came up. Tick in the form how far you have come."
)

SERVICES = [
    {
        "slug": "konsultation",
        "kind": ServiceKind.CONSULTATION,
        "sv": {
            "title": "Konsultation",
            "intro": "Ett samtal med Team Domino när ni vill bolla en situation, en rutin eller "
            "nästa steg i närvaroarbetet.",
            "audience": "Rektorer, elevhälsoteam och arbetslag i grundskolan och anpassade "
            "grundskolan i Borås. Arbetar du i gymnasieskolan eller på en fristående skola: "
            "fråga oss vad vi kan erbjuda.",
            "what_happens": "Ni väljer en ledig tid och beskriver skolans behov – inte eleven.\n\n"
            "Vi ses på plats, på video eller i telefon. Ni får råd om nästa steg "
            "och vid behov förslag på metoder ur metodbanken.",
            "duration": "Ett möte på 45–60 minuter. Ni får en tid inom två veckor.",
        },
        "en": {
            "title": "Consultation",
            "intro": "A conversation with Team Domino when you want to talk through a situation, "
            "a routine or the next step in your attendance work.",
            "audience": "Principals, pupil-health teams and teacher teams in compulsory and "
            "adapted compulsory schools in Borås. If you work in an upper-secondary or an "
            "independent school, ask us what we can offer.",
            "what_happens": "You pick a free time and describe the school's need – not the "
            "pupil.\n\nWe meet on site, by video or by phone. You get advice on "
            "next steps and, if useful, methods from the method bank.",
            "duration": "One meeting of 45–60 minutes. You get a time within two weeks.",
        },
    },
    {
        "slug": "handledning",
        "kind": ServiceKind.SUPERVISION,
        "sv": {
            "title": "Handledning",
            "intro": "Återkommande handledning för er som arbetar med elever med problematisk "
            "skolfrånvaro.",
            "audience": "Elevhälsopersonal, mentorer och socialpedagoger som leder eller deltar "
            "i närvaroarbetet på skolan.",
            "what_happens": "Boka ett första möte. Där kommer vi överens om upplägget: hur ofta, "
            "vilka som deltar och vad handledningen ska leda till.",
            "duration": "Oftast 3–6 träffar under en termin.",
        },
        "en": {
            "title": "Supervision",
            "intro": "Recurring supervision for staff working with pupils with problematic "
            "school absence.",
            "audience": "Pupil-health staff, mentors and social pedagogues who lead or take "
            "part in the school's attendance work.",
            "what_happens": "Book a first meeting. There we agree on the set-up: how often, "
            "who takes part and what the supervision should lead to.",
            "duration": "Usually 3–6 sessions over one term.",
        },
    },
    {
        "slug": "riktat-processtod",
        "kind": ServiceKind.PROCESS_SUPPORT,
        "sv": {
            "title": "Riktat processtöd",
            "intro": "Stöd över tid för skolor med större behov att bygga ett fungerande "
            "närvaroarbete.",
            "audience": "Skolor där frånvaron är hög eller där rutinerna finns men inte används. "
            "Rektor beställer.",
            "what_happens": "Vi läser er förfrågan och bokar ett inledande samtal med rektor. "
            "Tillsammans gör vi en nulägesanalys och en plan: vem gör vad, när "
            "och hur. Vi följer upp planen med er.",
            "duration": "Normalt en termin, med uppföljning efter sex månader.",
        },
        "en": {
            "title": "Targeted process support",
            "intro": "Support over time for schools with greater needs to build attendance work "
            "that works.",
            "audience": "Schools with high absence or where routines exist but are not used. "
            "The principal requests it.",
            "what_happens": "We read your request and book an introductory conversation with the "
            "principal. Together we analyse the current situation and make a "
            "plan: who does what, when and how. We follow the plan up with you.",
            "duration": "Normally one term, with a follow-up after six months.",
        },
    },
    {
        "slug": "grupputveckling-gdq",
        "kind": ServiceKind.GDQ,
        "sv": {
            "title": "Grupputveckling med GDQ",
            "intro": "Utveckla elevhälsoteamet eller arbetslaget med enkäten Group Development "
            "Questionnaire (GDQ).",
            "audience": "Elevhälsoteam och arbetslag som vill samarbeta bättre kring närvaro.",
            "what_happens": "Gruppen besvarar GDQ-enkäten. Vi går igenom resultatet tillsammans "
            "med gruppen och ni väljer vad ni vill utveckla.",
            "duration": "Två till tre träffar under 2–3 månader.",
        },
        "en": {
            "title": "Group development with GDQ",
            "intro": "Develop the pupil-health team or teacher team with the Group Development "
            "Questionnaire (GDQ).",
            "audience": "Pupil-health teams and teacher teams that want to work better together "
            "on attendance.",
            "what_happens": "The group answers the GDQ questionnaire. We go through the results "
            "with the group and you choose what to develop.",
            "duration": "Two to three sessions over 2–3 months.",
        },
    },
    {
        "slug": "kartlaggning-och-utredning",
        "kind": ServiceKind.MAPPING,
        "sv": {
            "title": "Stöd i kartläggning och utredning",
            "intro": "Hjälp att kartlägga och utreda frånvaro så att insatserna träffar rätt "
            "orsak.",
            "audience": "Elevhälsa och rektorer som ska utreda upprepad eller långvarig frånvaro "
            "(Skollagen 7 kap. 19 a §).",
            "what_happens": "Vi går igenom era kartläggnings- och utredningsmetoder och ger stöd "
            "i analysen: orsaker, riskfaktorer och tidiga tecken. Vi hanterar "
            "inga uppgifter om enskilda elever.",
            "duration": "Ett till tre möten.",
        },
        "en": {
            "title": "Support with mapping and investigation",
            "intro": "Help to map and investigate absence so that measures address the right "
            "cause.",
            "audience": "Pupil health and principals who must investigate repeated or long "
            "absence (Education Act, chapter 7, section 19 a).",
            "what_happens": "We go through your mapping and investigation methods and support "
            "the analysis: causes, risk factors and early signs. We handle no "
            "information about individual pupils.",
            "duration": "One to three meetings.",
        },
    },
]

STAFF = [
    ("sara.lindqvist", "Sara", "Lindqvist"),
    ("johan.berg", "Johan", "Berg"),
]

PATTERNS = [  # (staff index, weekday, start, minutes, mode, location)
    (0, 1, time(9, 0), 60, MeetingMode.VIDEO, "Teams – din kontaktperson mejlar möteslänken"),
    (0, 3, time(13, 0), 90, MeetingMode.ON_SITE, "Grundskoleförvaltningen, Borås"),
    (1, 0, time(10, 0), 45, MeetingMode.PHONE, ""),
    (1, 2, time(14, 0), 60, MeetingMode.VIDEO, "Teams – din kontaktperson mejlar möteslänken"),
    (1, 4, time(9, 0), 60, MeetingMode.VIDEO, "Teams – din kontaktperson mejlar möteslänken"),
]

# (key, service, state, days ago, days to first meeting, school form, school type, role)
REQUESTS = [
    (
        1,
        ServiceKind.SUPERVISION,
        State.CLOSED,
        100,
        6,
        SchoolForm.COMPULSORY,
        SchoolType.MUNICIPAL,
        Role.PUPIL_HEALTH,
    ),
    (
        2,
        ServiceKind.CONSULTATION,
        State.CLOSED,
        60,
        9,
        SchoolForm.UPPER_SECONDARY,
        SchoolType.INDEPENDENT,
        Role.PRINCIPAL,
    ),
    (
        3,
        ServiceKind.PROCESS_SUPPORT,
        State.IN_PROGRESS,
        40,
        14,
        SchoolForm.COMPULSORY,
        SchoolType.MUNICIPAL,
        Role.PRINCIPAL,
    ),
    (
        4,
        ServiceKind.PROCESS_SUPPORT,
        State.DECLINED,
        30,
        None,
        SchoolForm.PRESCHOOL_CLASS,
        SchoolType.INDEPENDENT,
        Role.PRINCIPAL,
    ),
    (
        5,
        ServiceKind.CONSULTATION,
        State.REFERRED,
        25,
        None,
        SchoolForm.ADAPTED_COMPULSORY,
        SchoolType.MUNICIPAL,
        Role.TEACHER,
    ),
    (
        6,
        ServiceKind.GDQ,
        State.PLANNED,
        20,
        25,
        SchoolForm.COMPULSORY,
        SchoolType.MUNICIPAL,
        Role.PUPIL_HEALTH,
    ),
    (
        7,
        ServiceKind.MAPPING,
        State.UNDER_ASSESSMENT,
        5,
        None,
        SchoolForm.UPPER_SECONDARY,
        SchoolType.MUNICIPAL,
        Role.PUPIL_HEALTH,
    ),
    (
        8,
        ServiceKind.SUPERVISION,
        State.BOOKED,
        3,
        "slot",
        SchoolForm.COMPULSORY,
        SchoolType.INDEPENDENT,
        Role.PUPIL_HEALTH,
    ),
    (
        9,
        ServiceKind.CONSULTATION,
        State.NEW,
        1,
        None,
        SchoolForm.COMPULSORY,
        SchoolType.MUNICIPAL,
        Role.PRINCIPAL,
    ),
]
REASONS = {
    State.DECLINED: "Behovet gäller en enskild elev; vänd er till elevhälsan och socialtjänsten "
    "med vårdnadshavares samtycke.",
    State.REFERRED: "Hänvisad till Barn- och ungdomspsykiatrin (BUP) för konsultation.",
}


def load_demo(demo):
    demo.step("Stöd från Team Domino: sidor, tider och förfrågningar")
    group = Group.objects.get(name="Team Domino")
    staff = []
    for username, first, last in STAFF:
        user, created = get_user_model().objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
        )
        if created:
            user.set_unusable_password()
            user.save()
            user.groups.add(group)
        demo.tally(created)
        staff.append(user)

    home = home_page("sv")
    index = demo.page(
        home,
        SupportIndexPage,
        "stod",
        title="Stöd från Team Domino",
        show_in_menus=True,
        search_description="Konsultation, handledning, processtöd, grupputveckling och stöd i "
        "kartläggning – be om stöd på några minuter.",
        intro="Team Domino tar uppdrag på förfrågan. Välj det stöd som passar, beskriv skolans "
        "behov och följ förfrågan via en länk. Inget pappersarbete.",
    )
    demo.translation(
        index,
        "en",
        slug="support",
        title="Support from Team Domino",
        search_description="Consultation, supervision, process support, group development and "
        "support with mapping – ask for support in a few minutes.",
        intro="Team Domino takes assignments on request. Choose the support that fits, describe "
        "the school's need and follow your request through a link. No paperwork.",
    )
    pages = {}
    for service in SERVICES:
        sv = service["sv"]
        page = demo.page(
            index,
            SupportServicePage,
            service["slug"],
            service_kind=service["kind"],
            prerequisites=PREREQ_SV,
            search_description=sv["intro"],
            **sv,
        )
        demo.translation(
            page,
            "en",
            prerequisites=PREREQ_EN,
            search_description=service["en"]["intro"],
            **service["en"],
        )
        pages[service["kind"]] = page

    now = timezone.now()
    for staff_index, weekday, start, minutes, mode, location in PATTERNS:
        _pattern, created = WeeklyPattern.objects.get_or_create(
            staff=staff[staff_index],
            weekday=weekday,
            start_time=start,
            defaults={
                "duration_minutes": minutes,
                "mode": mode,
                "location": location,
                "weeks_ahead": 2,
            },
        )
        demo.tally(created)
    generate_slots(now=now)

    for key, kind, state, days_ago, to_meeting, school_form, school_type, role in REQUESTS:
        email = f"demo-{key}@example.org"
        if SupportRequest.objects.filter(email=email).exists():
            demo.tally(False)
            continue
        # sent on a school day in working hours, like the requests Team Domino gets
        created_at = working_time(timezone.localtime(now - timedelta(days=days_ago)), seed=key)
        if created_at > now:  # today, later than the demo is loaded: the previous school day
            created_at = working_time(
                timezone.localtime(now - timedelta(days=days_ago + 1)), seed=key
            )
        sequence, reference = allocate_reference(timezone.localtime(created_at).year)
        support_request = SupportRequest(
            reference=reference,
            year=timezone.localtime(created_at).year,
            sequence=sequence,
            service=pages[kind],
            service_kind=kind,
            name=f"Demo beställare {key}",
            email=email,
            organisation=f"Demoskolan {key}",
            school_form=school_form,
            school_type=school_type,
            role=role,
            noticed=True,
            investigated=key % 2 == 0,
            measures_started=key % 3 == 0,
            description="Vi ser att frånvaron ökar i årskurs 7–9 och vill se över hur "
            "rutinen används. (Demo)",
            participants=8 if kind == ServiceKind.GDQ else None,
            contact_me=state == State.NEW and kind in (ServiceKind.CONSULTATION,),
            state=state,
            state_reason=REASONS.get(state, ""),
            assignee=staff[key % 2] if state != State.NEW else None,
            created_at=created_at,
        )
        if to_meeting == "slot":
            slot = free_slots(now=now).first()
            if slot is not None:
                support_request.slot = slot
                support_request.booked_staff = slot.staff
                support_request.booked_start = slot.start
                support_request.booked_end = slot.end
                support_request.first_meeting_at = slot.start
            else:
                support_request.state = State.NEW
                support_request.contact_me = True
        elif to_meeting is not None:
            meeting_day = school_day((created_at + timedelta(days=to_meeting)).date())
            support_request.first_meeting_at = created_at.replace(
                year=meeting_day.year, month=meeting_day.month, day=meeting_day.day
            )
        if state in (State.CLOSED, State.DECLINED, State.REFERRED):
            support_request.closed_at = created_at + timedelta(days=(to_meeting or 3) + 20)
            support_request.closed_at = min(support_request.closed_at, now)
        support_request.save()
        demo.tally(True)
