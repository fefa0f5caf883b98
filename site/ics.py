"""iCalendar (RFC 5545) files for events and booked meetings.

UIDs are stable, SEQUENCE grows with every change and a cancellation is METHOD:CANCEL, so
calendar programs update the entry they already have. No personal data goes into a calendar
entry: calendars are often shared.
"""

from dataclasses import dataclass
from datetime import datetime

from icalendar import Calendar, Event, vCalAddress

PRODID = "-//Borås Stad//Kunskapscentrum för skolnärvaro//SV"


@dataclass
class CalendarEntry:
    uid: str
    start: datetime
    end: datetime
    summary: str
    description: str = ""
    location: str = ""
    url: str = ""
    sequence: int = 0
    cancelled: bool = False
    stamp: datetime | None = None
    organizer_email: str = ""  # METHOD:REQUEST/CANCEL need an ORGANIZER (RFC 5546)
    organizer_name: str = ""


def build_calendar(entries, *, method="PUBLISH", name=""):
    """Bytes of a VCALENDAR holding ``entries`` (a list of :class:`CalendarEntry`)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", entry.stamp or entry.start)
        event.add("dtstart", entry.start)
        event.add("dtend", entry.end)
        event.add("summary", entry.summary)
        event.add("sequence", entry.sequence)
        event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
        if entry.description:
            event.add("description", entry.description)
        if entry.location:
            event.add("location", entry.location)
        if entry.url:
            event.add("url", entry.url)
        if entry.organizer_email:
            organizer = vCalAddress(f"mailto:{entry.organizer_email}")
            if entry.organizer_name:
                organizer.params["cn"] = entry.organizer_name
            event.add("organizer", organizer)
        calendar.add_component(event)
    return calendar.to_ical()
