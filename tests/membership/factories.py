"""Test data for the network: members and applications, built through the real services."""

import itertools
import re

from django.contrib.auth import get_user_model
from django.utils import timezone

from network.membership.models import (
    LoginToken,
    Member,
    MembershipApplication,
    OrganisationType,
)
from network.membership.services import applications

_counter = itertools.count(1)


def organisation_type(slug="skola"):
    return OrganisationType.objects.get(slug=slug)


def application_data(**overrides):
    n = next(_counter)
    data = {
        "name": f"Testa Testsson {n}",
        "email": f"testa.{n}@example.org",
        "organisation_type": organisation_type("elevhalsa").pk,
        "organisation": "Provskolan (test)",
        "role": "Kurator",
        "motivation": "Vill samverka kring närvaro.",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def pending_application(**overrides):
    n = next(_counter)
    fields = {
        "name": f"Sökande {n}",
        "email": f"sokande.{n}@example.org",
        "organisation_type": organisation_type("ifo"),
        "organisation": "IFO Provstad (test)",
        "role": "Socialsekreterare",
        "motivation": "Samverkan.",
        "consent_at": timezone.now(),
        "verified_at": timezone.now(),
        "status": MembershipApplication.Status.PENDING,
    }
    fields.update(overrides)
    return MembershipApplication.objects.create(**fields)


def member(**overrides):
    """A member made by approving an application, as in real life."""
    application = pending_application(**overrides)
    approved = applications.approve_application(application.pk)
    # The approval e-mail's one-time link (tests/membership/test_first_steps.py) is set aside,
    # so login-link tests start from a member who asks for a link.
    LoginToken.objects.filter(member=approved).delete()
    return approved


def non_member_user(**fields):
    n = next(_counter)
    return get_user_model().objects.create_user(
        username=f"other-{n}", email=f"other.{n}@example.org", password="x-Very-long-pass-123"
    )


def links_in(message):
    return re.findall(r"https?://[^\s\"<>]+", message.body)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def member_by_email(email):
    return Member.objects.get(email__iexact=email)
