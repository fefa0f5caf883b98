"""WebVTT caption files: a validator that names the line that is wrong.

Follows the parts of https://www.w3.org/TR/webvtt1/ that matter for captions: the ``WEBVTT``
signature, optional ``NOTE``/``STYLE``/``REGION`` blocks, and cues of an optional identifier, a
timing line ``00:00:01.000 --> 00:00:04.000 [settings]`` (hours optional) and text. Times must
have valid minutes and seconds, and a cue must end after it starts.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 2 * 1024 * 1024
_TIME = r"(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})"
_TIMING = re.compile(rf"^{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t]+.*)?$")


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str


class VTTError(ValidationError):
    def __init__(self, line, message):
        self.line = line
        super().__init__(
            _("Rad %(line)s: %(problem)s"),
            code="invalid_vtt",
            params={"line": line, "problem": message},
        )


def _seconds(hours, minutes, seconds, millis):
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def _parse_timing(line, number):
    match = _TIMING.match(line)
    if not match:
        raise VTTError(
            number,
            _(
                "tidsangivelsen ”%(text)s” går inte att läsa. Skriv till exempel "
                "00:00:05.000 --> 00:00:08.500."
            )
            % {"text": line[:80]},
        )
    groups = match.groups()
    for minutes, seconds in ((groups[1], groups[2]), (groups[5], groups[6])):
        if int(minutes) > 59 or int(seconds) > 59:
            raise VTTError(
                number,
                _("minuter och sekunder måste vara mellan 00 och 59 (”%(text)s”).")
                % {"text": line[:80]},
            )
    start, end = _seconds(*groups[:4]), _seconds(*groups[4:])
    if end <= start:
        raise VTTError(
            number, _("texten måste sluta efter att den börjar (”%(text)s”).") % {"text": line[:80]}
        )
    return start, end


def decode(data):
    """Text of a caption file's bytes (UTF-8, as WebVTT requires)."""
    if isinstance(data, str):
        return data
    if len(data) > MAX_BYTES:
        raise ValidationError(_("Textfilen är för stor (högst 2 MB)."), code="too_large")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(
            _("Textfilen måste vara sparad som UTF-8 (WebVTT kräver det)."), code="encoding"
        ) from None


def parse(data):
    """The cues of a WebVTT file (bytes or text); raises ValidationError naming the bad line."""
    text = decode(data).lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    first = lines[0] if lines else ""
    if not (first == "WEBVTT" or first.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise VTTError(1, _("en WebVTT-fil måste börja med ordet WEBVTT på första raden."))
    cues = []
    index = 1
    # The header runs to the first blank line.
    while index < len(lines) and lines[index].strip():
        if "-->" in lines[index]:
            raise VTTError(index + 1, _("lämna en tom rad mellan WEBVTT och första texten."))
        index += 1
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        block_start = index
        block = []
        while index < len(lines) and lines[index].strip():
            block.append(lines[index])
            index += 1
        head = block[0]
        if "-->" not in head and head.split()[0] in ("NOTE", "STYLE", "REGION"):
            continue
        if "-->" in head:
            timing_line, timing_number, payload = head, block_start + 1, block[1:]
        elif len(block) > 1:
            timing_line, timing_number, payload = block[1], block_start + 2, block[2:]
        else:
            raise VTTError(
                block_start + 1,
                _("här borde en tidsangivelse stå, till exempel 00:00:05.000 --> 00:00:08.500."),
            )
        start, end = _parse_timing(timing_line.strip(), timing_number)
        for offset, line in enumerate(payload):
            if "-->" in line:
                raise VTTError(
                    timing_number + 1 + offset,
                    _("en tidsangivelse mitt i en text; lämna en tom rad före den."),
                )
        cues.append(Cue(start, end, "\n".join(payload)))
    if not cues:
        raise VTTError(len(lines), _("filen innehåller inga texter (inga tidsangivelser)."))
    return cues


def validate_vtt_file(file):
    """Validator for a FileField: reads the upload and parses it."""
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    data = file.read(MAX_BYTES + 1)
    file.seek(position)
    parse(data)


def plain_text(cues):
    """Caption text without markup tags such as <v Name> or <i>."""
    return [re.sub(r"<[^>]+>", "", cue.text).strip() for cue in cues]
