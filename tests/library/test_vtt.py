import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from methodbank.library import vtt
from methodbank.library.demo import CAPTIONS_SV

GOOD = """WEBVTT - svenska

NOTE en kommentar
som fortsätter

STYLE
::cue { color: yellow }

intro
00:01.000 --> 00:04.000 line:90%
<v Berättare>Hej och välkommen</v>

00:00:04.500 --> 00:00:08.000
Andra raden
"""


def test_parses_cues_with_and_without_hours_and_identifiers():
    cues = vtt.parse(GOOD.encode())
    assert [(cue.start, cue.end) for cue in cues] == [(1.0, 4.0), (4.5, 8.0)]
    assert vtt.plain_text(cues) == ["Hej och välkommen", "Andra raden"]


def test_demo_captions_are_valid():
    assert len(vtt.parse(CAPTIONS_SV)) == 8


def test_bom_and_crlf_are_fine():
    assert vtt.parse(("\ufeff" + GOOD).replace("\n", "\r\n").encode())


def _error(text):
    with translation.override("sv"), pytest.raises(ValidationError) as error:
        vtt.parse(text.encode() if isinstance(text, str) else text)
    return error.value.messages[0]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("1\n00:00:01.000 --> 00:00:02.000\nHej\n", 1, "WEBVTT"),
        ("WEBVTT\n\n00:00:0x.000 --> 00:00:02.000\nHej\n", 3, "går inte att läsa"),
        ("WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHej\n", 3, "går inte att läsa"),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHej\n\n00:61:00.000 --> 00:62:00.000\nX\n",
            6,
            "59",
        ),
        ("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nHej\n", 3, "sluta efter"),
        ("WEBVTT\n\nbara text\n", 3, "tidsangivelse"),
        ("WEBVTT\n\nid\nnot a timing\nHej\n", 4, "går inte att läsa"),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHej\n00:00:03.000 --> 00:00:04.000\n",
            5,
            "tom rad",
        ),
        ("WEBVTT\n\nNOTE bara en kommentar\n", 4, "inga texter"),
        ("WEBVTT\n00:00:01.000 --> 00:00:02.000\nHej\n", 2, "tom rad"),
    ],
)
def test_errors_name_the_line(text, line, words):
    message = _error(text)
    assert message.startswith(f"Rad {line}:"), message
    assert words in message


def test_not_utf8_and_too_large():
    assert "UTF-8" in _error("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nÅh\n".encode("latin-1"))
    assert "för stor" in _error(b"WEBVTT\n\n" + b"x" * (vtt.MAX_BYTES + 1))
