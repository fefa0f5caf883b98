"""A proportionate defence of an event's seats against invented registrations.

Registrations are not limited per address over the day (a council's 300 teachers share one
address), but a *burst* is: more than ``EVENTS_BURST_LIMIT`` registrations for one event from
one client within ``EVENTS_BURST_SECONDS`` are refused with "wait a moment", and Team Domino
gets one e-mail per event and hour, so a person can look at the list and cancel invented
registrations. People who register one by one, even from the same address, never meet it.

The count is the site's one rate limiter (:mod:`kcsite.ratelimit`): a per-client limit with a
scope per event and a short window.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from kcsite import ratelimit
from kcsite.mail import send_mail

BURST_MESSAGE = _(
    "Många anmälningar till det här evenemanget kommer just nu från samma nätverk. "
    "Vänta en minut och försök igen."
)


def burst_refused(request, event):
    """Count one registration attempt; True when it is over the burst limit (and then, once
    an hour per event, alert Team Domino)."""
    limit = getattr(settings, "EVENTS_BURST_LIMIT", 5)
    seconds = getattr(settings, "EVENTS_BURST_SECONDS", 60)
    if not ratelimit.check(request, f"events:burst:{event.pk}", per_client=(limit, seconds)):
        return False
    if cache.add(f"events:burst-alert:{event.pk}", True, timeout=3600):
        send_mail("events.burst_alert", event_id=event.pk, limit=limit, seconds=seconds)
    return True
