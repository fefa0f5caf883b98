"""Booking a time once: the free times, locking one for a booking, and the weekly patterns
that create them."""

import time
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from ..choices import HOLDING_STATES
from ..models.availability import AvailableSlot, WeeklyPattern
from ..models.requests import SupportRequest
from .errors import SlotTaken, SlotUnavailable

#: Test hooks for the concurrency test: a pause right after the "is it free?" check widens the
#: race, and switching the row lock off proves the database constraint alone still holds.
RACE_PAUSE_SECONDS = 0.0
LOCK_SLOTS = True


def free_slots(now=None, weeks=None):
    """Times that can be booked: not withdrawn, not held, starting after the minimum notice."""
    now = now or timezone.now()
    weeks = weeks or settings.SUPPORT_BOOKING_WEEKS
    earliest = now + timedelta(hours=settings.SUPPORT_MIN_NOTICE_HOURS)
    return (
        AvailableSlot.objects.filter(
            withdrawn=False, start__gte=earliest, start__lt=now + timedelta(weeks=weeks)
        )
        .exclude(requests__state__in=HOLDING_STATES)
        .select_related("staff")
        .order_by("start", "pk")
    )


def lock_free_slot(slot_id, now=None):
    """The slot, locked for this transaction; raises if it cannot be booked."""
    queryset = AvailableSlot.objects.all()
    if LOCK_SLOTS:
        queryset = queryset.select_for_update()
    slot = queryset.filter(pk=slot_id).first()
    if slot is None or slot.withdrawn:
        raise SlotUnavailable()
    now = now or timezone.now()
    if slot.start < now + timedelta(hours=settings.SUPPORT_MIN_NOTICE_HOURS):
        raise SlotUnavailable()
    if SupportRequest.objects.filter(slot=slot, state__in=HOLDING_STATES).exists():
        raise SlotTaken()
    if RACE_PAUSE_SECONDS:
        time.sleep(RACE_PAUSE_SECONDS)
    return slot


def apply_slot(support_request, slot):
    support_request.slot = slot
    support_request.booked_staff_id = slot.staff_id
    support_request.booked_start = slot.start
    support_request.booked_end = slot.end
    support_request.first_meeting_at = slot.start


def slot_was_taken(slot_id):
    return SupportRequest.objects.filter(slot_id=slot_id, state__in=HOLDING_STATES).exists()


def generate_slots(now=None, patterns=None):
    """Create the bookable times active weekly patterns give for their coming weeks.

    Idempotent: a time that exists (same staff member and start) is left alone, so a withdrawn
    time stays withdrawn. Returns the number of times created.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    tz = timezone.get_current_timezone()
    if patterns is None:
        patterns = WeeklyPattern.objects.filter(active=True)
    created = 0
    for pattern in patterns:
        if not pattern.active:
            continue
        for offset in range(pattern.weeks_ahead * 7 + 1):
            day = today + timedelta(days=offset)
            if day.weekday() != pattern.weekday:
                continue
            if pattern.valid_until and day > pattern.valid_until:
                continue
            start = timezone.make_aware(datetime.combine(day, pattern.start_time), tz)
            if start <= now:
                continue
            _slot, made = AvailableSlot.objects.get_or_create(
                staff=pattern.staff,
                start=start,
                defaults={
                    "duration_minutes": pattern.duration_minutes,
                    "mode": pattern.mode,
                    "location": pattern.location,
                    "pattern": pattern,
                },
            )
            created += made
    return created
