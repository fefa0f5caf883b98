"""Events and registrations for tests, built the way editors and visitors make them: pages
through Wagtail's tree API (``tests.builders``), registrations through the real services."""

import re
from datetime import timedelta
from itertools import count
from urllib.parse import urlsplit

from django.utils import timezone
from wagtail.models import Locale, Site

from events.models import EventIndexPage, EventOccasion, EventPage
from events.models.registrations import MANAGE_LINK_SALT
from events.services import registering
from kcsite import links
from kcsite.pages.models import SiteSettings
from tests import builders

_numbers = count(1)


def event_index(language="sv"):
    """The event list ("Utbildningar och träffar", ``/utbildningar/``) in ``language``; built
    below the home page on first use, the English one as its translation (``/en/trainings/``)."""
    found = EventIndexPage.objects.filter(locale__language_code=language).first()
    if found is not None:
        return found
    if language != "sv":
        return builders.translate(
            event_index("sv"), language, title="Trainings and meetings", slug="trainings"
        )
    return builders.add_page(
        builders.home("sv"), EventIndexPage(title="Utbildningar och träffar", slug="utbildningar")
    )


def make_event(
    *, capacity=5, starts_in=timedelta(days=10), hours=2, occasions=None, publish=True, **fields
):
    """A published EventPage in the Swedish event list, with one occasion by default."""
    number = next(_numbers)
    start = timezone.now().replace(microsecond=0) + starts_in
    if occasions is None:
        occasions = [(start, start + timedelta(hours=hours))]
    fields.setdefault("title", f"Testutbildning {number}")
    fields.setdefault("intro", "En utbildning om närvaro.")
    page = EventPage(
        slug=f"testevenemang-{number}",
        live=publish,
        capacity=capacity,
        occasions=[EventOccasion(start=s, end=e) for s, e in occasions],
        locale=Locale.objects.get(language_code="sv"),
        **fields,
    )
    event_index().add_child(instance=page)
    if publish:
        page.save_revision().publish()
    builders.refresh_search_index()  # searchable at once on the cluster too
    return EventPage.objects.get(pk=page.pk)


def translate_event(event, language="en", **fields):
    """The event's published translation (its list is translated first when needed)."""
    event_index(language)
    return builders.translate(event, language, **fields).specific


def details(number=0, email=None, **overrides):
    values = {
        "name": f"Person {number}",
        "email": email or f"person{number}@skola.example.org",
        "organisation": "Sandwalls skola",
        "role": "Kurator",
    }
    values.update(overrides)
    return registering.RegistrationDetails(**values)


def register(event, number=0, **overrides):
    return registering.register(event, details(number, **overrides))


def fill(event, people, first=1):
    """Register ``people`` people (numbered from ``first``): confirmed while seats last, then
    on the waitlist."""
    return [register(event, number) for number in range(first, first + people)]


def contact_email(address):
    """The site's contact address (site settings), which closed events offer."""
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.email = address
    settings.save()


_MANAGE = re.compile(r"https?://[^\s\"<>]+/evenemang/anmalan/([^/\s\"<>]+)/")


def manage_links(text):
    """The registration links in ``text`` (a mail's body or HTML), as (path, Link) pairs.

    Tokens carry the second they were signed in, so a test reads the link a mail holds instead
    of comparing it with one it makes itself."""
    found = []
    for match in _MANAGE.finditer(text):
        link = links.read_token(MANAGE_LINK_SALT, match.group(1))
        found.append((urlsplit(match.group(0)).path, link))
    return found


def links_to(registration, text, language="sv"):
    """Whether ``text`` holds ``registration``'s own link at its current version, in
    ``language`` (the English link lives under ``/en/``)."""
    prefix = "/en/" if language == "en" else "/evenemang/"
    return any(
        path.startswith(prefix) and link == links.Link(registration.pk, registration.version)
        for path, link in manage_links(text)
    )
