"""The status page's "add information" is limited per request and day (each one mails the team)."""

import pytest
from django.core import mail

from network.support.services import errors, requester
from tests.support import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("app_pages")]


def test_additions_are_limited_per_day(settings):
    settings.SUPPORT_ADDITIONS_PER_DAY = 5
    request = factories.support_request()
    mail.outbox.clear()
    for n in range(5):
        request = requester.add_information(request, request.version, f"Tillägg {n}")
    with pytest.raises(errors.TooManyAdditions):
        requester.add_information(request, request.version, "Ett till")
    assert request.additions.count() == 5
    team_mails = [m for m in mail.outbox if settings.TEAM_DOMINO_EMAIL in m.to]
    assert len(team_mails) <= 5
