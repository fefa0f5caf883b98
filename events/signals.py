"""Keep calendar entries and the waitlist right when an editor publishes an event."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .models import EventPage
from .services.cancelling import promote_waitlist


@receiver(page_published, sender=EventPage)
def event_published(sender, instance, **kwargs):
    page = EventPage.objects.get(pk=instance.pk)
    fingerprint = page.schedule_fingerprint()
    if fingerprint != page.calendar_fingerprint:
        changes = {"calendar_fingerprint": fingerprint}
        if page.calendar_fingerprint:  # time or place changed: calendars must update the entry
            changes["calendar_sequence"] = page.calendar_sequence + 1
        EventPage.objects.filter(pk=page.pk).update(**changes)
    if page.original.pk == page.pk:
        # A raised capacity gives the new seats to the waitlist, in order, under the event lock.
        promote_waitlist(page)
