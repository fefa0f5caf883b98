"""What decides an event's registration state apart from the clock, as plain values.

The event page's "other dates you can register for" are kept per content generation (see
``EventPage.other_dates``) as :class:`OtherDate` values; whether each is open is decided again
on every request from its :class:`RegistrationWindow`, so no event is offered after it closed.
"""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class RegistrationWindow:
    enabled: bool
    opens: datetime | None
    closes: datetime | None  # registration_closes, else the first occasion's start
    ends: datetime | None  # the last occasion's end; None without occasions

    def state(self, now):
        """'open', 'not_yet', 'closed', 'past' or 'disabled' at ``now``."""
        if not self.enabled:
            return "disabled"
        if self.ends is None or self.ends < now:
            return "past"
        if self.opens and now < self.opens:
            return "not_yet"
        if self.closes is None or now >= self.closes:
            return "closed"
        return "open"


@dataclass(frozen=True)
class OtherDate:
    """Another event, as the event page links to it."""

    pk: int
    title: str
    url: str
    start: datetime  # its first occasion
    window: RegistrationWindow
