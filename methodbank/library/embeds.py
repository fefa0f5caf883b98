"""Privacy-friendly embed addresses for films on YouTube or Vimeo."""

import re
from urllib.parse import parse_qs, urlsplit

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def embed_url_for(url):
    """A privacy-friendly embed address for a YouTube or Vimeo link, or '' if not supported.

    YouTube goes to ``www.youtube-nocookie.com`` (no cookies until the visitor plays), Vimeo to
    ``player.vimeo.com`` with ``dnt=1`` (do not track).
    """
    parts = urlsplit((url or "").strip())
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    video_id = ""
    if host in ("youtube.com", "youtube-nocookie.com"):
        if parts.path == "/watch":
            video_id = parse_qs(parts.query).get("v", [""])[0]
        elif parts.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parts.path.split("/")[2]
        if YOUTUBE_ID.match(video_id or ""):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    elif host == "youtu.be":
        video_id = parts.path.strip("/").split("/")[0]
        if YOUTUBE_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    elif host in ("vimeo.com", "player.vimeo.com"):
        numbers = [piece for piece in parts.path.split("/") if piece.isdigit()]
        if numbers:
            return f"https://player.vimeo.com/video/{numbers[0]}?dnt=1"
    return ""


def chapter_href(seconds, *, video_url="", embed_url=""):
    """A link to ``seconds`` into a film that works without JavaScript (a media fragment on a
    self-hosted video, a start time on an embed), or '' when there is nothing to link to."""
    if video_url:
        return f"{video_url}#t={seconds}"
    if "youtube-nocookie" in embed_url:
        return f"{embed_url}?start={seconds}"
    if embed_url:
        return f"{embed_url}#t={seconds}s"
    return ""
