"""Timecodes as editors type them ("1:30", "1:02:05") and back."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_TIMECODE = re.compile(r"^(?:(\d+):)?([0-5]?\d):([0-5]\d)$")


def parse_timecode(value):
    """Seconds from ``"m:ss"``, ``"mm:ss"`` or ``"h:mm:ss"``; ValidationError otherwise."""
    match = _TIMECODE.match((value or "").strip())
    if not match:
        raise ValidationError(
            _("Skriv tiden som minuter:sekunder, till exempel 1:30 eller 1:02:05."),
            code="timecode",
        )
    hours, minutes, seconds = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)


def seconds_or_zero(value):
    """Seconds of a stored timecode, 0 when it cannot be read (a page never breaks on it)."""
    try:
        return parse_timecode(value)
    except ValidationError:
        return 0


def validate_timecode(value):
    parse_timecode(value)


def format_timecode(seconds):
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
