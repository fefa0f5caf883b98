"""Test data for network.support, built through the same code paths the site uses.

Pages go through Wagtail's tree API (``tests.builders``); requests through
:func:`network.support.services.intake.submit_request`, as the form view sends them. The session
database holds no demo: a test builds the pages, times and requests it needs.
"""

import itertools
from datetime import timedelta

from django.utils import timezone

from network.support.models import (
    AvailableSlot,
    MeetingMode,
    ServiceKind,
    SupportIndexPage,
    SupportServicePage,
)
from network.support.services import intake
from tests import builders

_counter = itertools.count(1)

#: Each service's slug and title in Swedish and English, as editors name them.
SERVICES = {
    ServiceKind.CONSULTATION: ("konsultation", "Konsultation", "Consultation"),
    ServiceKind.SUPERVISION: ("handledning", "Handledning", "Supervision"),
    ServiceKind.PROCESS_SUPPORT: (
        "riktat-processtod",
        "Riktat processtöd",
        "Targeted process support",
    ),
    ServiceKind.GDQ: ("grupputveckling-gdq", "Grupputveckling med GDQ", "Group development"),
    ServiceKind.MAPPING: (
        "kartlaggning-och-utredning",
        "Stöd i kartläggning och utredning",
        "Support with mapping and investigation",
    ),
}
PREREQUISITES = "Skolan ska ha uppmärksammat frånvaron, börjat utreda den och påbörjat insatser."


def staff_member(username=None, team=True):
    """A staff user, in the Team Domino group (made by the app's migration) unless ``team`` is
    false."""
    username = username or f"staff{next(_counter)}"
    groups = ("Team Domino",) if team else ()
    return builders.staff_user(username, groups=groups, first_name="Test", last_name="Staff")


def slot(staff=None, *, days=3, hour=10, minutes=60, mode=MeetingMode.VIDEO, **kwargs):
    staff = staff or staff_member()
    start = timezone.localtime(timezone.now() + timedelta(days=days)).replace(
        hour=hour, minute=next(_counter) % 60, second=0, microsecond=0
    )
    return AvailableSlot.objects.create(
        staff=staff, start=start, duration_minutes=minutes, mode=mode, **kwargs
    )


def index_page(language="sv"):
    """/stod/ (``en``: its English translation), built below the home page if there is none."""
    index = SupportIndexPage.objects.filter(locale__language_code="sv").first()
    if index is None:
        index = builders.add_page(
            builders.home(), SupportIndexPage(title="Stöd från Team Domino", slug="stod")
        )
    if language == "sv":
        return index
    return builders.translate(index, language, title="Support from Team Domino")


def service_page(kind=ServiceKind.CONSULTATION, language="sv"):
    """The published page of service ``kind`` below /stod/ (``en``: its translation), built if
    there is none."""
    page = SupportServicePage.objects.filter(service_kind=kind, locale__language_code="sv").first()
    if page is None:
        slug, title, _english = SERVICES[kind]
        page = builders.add_page(
            index_page(),
            SupportServicePage(
                title=title, slug=slug, service_kind=kind, prerequisites=PREREQUISITES
            ),
        )
    if language == "sv":
        return page
    index_page(language)
    return builders.translate(page, language, title=SERVICES[kind][2])


def all_service_pages():
    """/stod/ with a page for every service, in Swedish."""
    return [service_page(kind) for kind in SERVICES]


def request_data(**overrides):
    data = {
        "name": "Rektor Test",
        "email": "rektor@example.org",
        "phone": "",
        "organisation": "Testskolan",
        "school_form": "compulsory",
        "school_type": "municipal",
        "role": "principal",
        "noticed": True,
        "investigated": True,
        "measures_started": False,
        "description": "Frånvaron ökar i årskurs 8.",
    }
    data.update(overrides)
    return data


def form_data(**overrides):
    """What the request form posts for :func:`request_data` (ticks instead of flags)."""
    data = request_data()
    done = [flag for flag in ("noticed", "investigated", "measures_started") if data.pop(flag)]
    data.update(done_so_far=done, website="")
    data.update(overrides)
    return data


def support_request(kind=ServiceKind.CONSULTATION, slot_id=None, language="sv", **overrides):
    return intake.submit_request(
        request_data(**overrides),
        service_kind=kind,
        service_page=service_page(kind),
        slot_id=slot_id,
        contact_me=slot_id is None and kind in (ServiceKind.CONSULTATION, ServiceKind.SUPERVISION),
        language=language,
    )
