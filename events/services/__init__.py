"""Everything that changes registrations, one module per process, under one lock per event
(:mod:`.seats`): registering, cancelling, staff, reminders, retention; plus calendars and
the public queries. Other apps use the two names below; inside events, import the module."""

from .queries import upcoming_events
from .retention import anonymise_expired

__all__ = ["anonymise_expired", "upcoming_events"]
