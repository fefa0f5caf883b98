"""Events and registrations for tests: build them through the same code paths as editors."""

from datetime import timedelta
from itertools import count

from django.utils import timezone
from wagtail.models import Locale

from events.models import EventIndexPage, EventOccasion, EventPage
from events.services import registering

_numbers = count(1)


def index_page(language="sv"):
    return EventIndexPage.objects.get(locale=Locale.objects.get(language_code=language))


def make_event(
    *, capacity=5, starts_in=timedelta(days=10), hours=2, occasions=None, publish=True, **fields
):
    """A published EventPage under the demo's event list, with one occasion by default."""
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
        **fields,
    )
    index_page().add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


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
