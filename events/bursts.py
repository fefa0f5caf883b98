"""A proportionate defence of an event's seats against invented registrations.

Registrations are not limited per address over the day (a council's 300 teachers share one
address), but a *burst* is: more than ``EVENTS_BURST_LIMIT`` registrations for one event from
one client within ``EVENTS_BURST_SECONDS`` are refused with "wait a moment", and Team Domino
gets one e-mail per event and hour, so a person can look at the list and cancel invented
registrations. People who register one by one, even from the same address, never meet it.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from kcsite import ratelimit
from kcsite.mail import send_mail

BURST_MESSAGE = _(
    "Många anmälningar till det här evenemanget kommer just nu från samma nätverk. "
    "Vänta en minut och försök igen."
)


def _now():
    return time.time()


def _client(request):
    """The client as the rate limits see it (``X-Forwarded-For`` only from trusted proxies)."""
    return hashlib.sha256(ratelimit.client_ip(request).encode()).hexdigest()[:16]


def _count(key, seconds):
    cache.add(key, 0, timeout=seconds * 2)
    try:
        return cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=seconds * 2)
        return 1


def burst_refused(request, event, now=None):
    """Count one registration attempt; True when it is over the burst limit (and then, once
    an hour per event, alert Team Domino)."""
    limit = getattr(settings, "EVENTS_BURST_LIMIT", 5)
    seconds = getattr(settings, "EVENTS_BURST_SECONDS", 60)
    window = int((now if now is not None else _now()) // seconds)
    count = _count(f"events:burst:{event.pk}:{_client(request)}:{window}", seconds)
    if count <= limit:
        return False
    if cache.add(f"events:burst-alert:{event.pk}", True, timeout=3600):
        send_mail("events.burst_alert", event_id=event.pk, limit=limit, seconds=seconds)
    return True
