"""Events (trainings, exchanges, network meetings, group development) and registrations."""

from .choices import Adaptation, EventFormat, EventType
from .pages import (
    EventIndexPage,
    EventOccasion,
    EventPage,
    EventRelatedFilm,
    EventRelatedMethod,
)
from .registrations import MANAGE_LINK_SALT, Registration, ReminderSent, retention_days

__all__ = [
    "MANAGE_LINK_SALT",
    "Adaptation",
    "EventFormat",
    "EventIndexPage",
    "EventOccasion",
    "EventPage",
    "EventRelatedFilm",
    "EventRelatedMethod",
    "EventType",
    "Registration",
    "ReminderSent",
    "retention_days",
]
