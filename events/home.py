"""The home page's events area (registered in :mod:`.wagtail_hooks` under ``home_page_areas``)."""

from django.utils import timezone

from .models.pages import EventIndexPage
from .services.queries import upcoming_events
from .views import event_card


def home_area(request, page):
    """The home page's area of the next three events in the page's language (none: no area)."""
    events = list(
        upcoming_events(limit=3, locale=page.locale)
        .select_related("locale")
        .prefetch_related("occasions")
    )
    if not events:
        return None
    now = timezone.now()
    index_page = EventIndexPage.objects.filter(path=events[0].path[: -events[0].steplen]).first()
    return {
        "template": "events/home_area.html",
        "cards": [event_card(event, now) for event in events],
        "index_page": index_page,
    }
