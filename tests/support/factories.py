"""Test data for network.support, built through the same code paths the site uses."""

import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from network.support.models import (
    AvailableSlot,
    MeetingMode,
    ServiceKind,
    SupportServicePage,
)
from network.support.services import intake

_counter = itertools.count(1)


def staff_member(username=None, team=True):
    username = username or f"staff{next(_counter)}"
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", first_name="Test", last_name="Staff"
    )
    if team:
        user.groups.add(Group.objects.get(name="Team Domino"))
    return user


def slot(staff=None, *, days=3, hour=10, minutes=60, mode=MeetingMode.VIDEO, **kwargs):
    staff = staff or staff_member()
    start = timezone.localtime(timezone.now() + timedelta(days=days)).replace(
        hour=hour, minute=next(_counter) % 60, second=0, microsecond=0
    )
    return AvailableSlot.objects.create(
        staff=staff, start=start, duration_minutes=minutes, mode=mode, **kwargs
    )


def service_page(kind=ServiceKind.CONSULTATION):
    return SupportServicePage.objects.filter(service_kind=kind, locale__language_code="sv").first()


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
    data = {
        "name": "Rektor Test",
        "email": "rektor@example.org",
        "phone": "",
        "organisation": "Testskolan",
        "school_form": "compulsory",
        "school_type": "municipal",
        "role": "principal",
        "done_so_far": ["noticed", "investigated"],
        "description": "Frånvaron ökar i årskurs 8.",
        "website": "",
    }
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
