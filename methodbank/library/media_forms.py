"""The wagtailmedia upload form with a content check (``WAGTAILMEDIA["MEDIA_FORM_BASE"]``).

wagtailmedia checks a file's name; a text file renamed ``film.mp4`` would pass. This form also
looks at the first bytes of an uploaded video and refuses anything that is not MP4, WebM or Ogg
with a clear message.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtailmedia.forms import BaseMediaForm

from kcsite.uploads import StorageCheckMixin

VIDEO_REJECTED = _(
    "Filen är inte en video som webbläsare kan spela upp. Ladda upp en MP4-, WebM- eller "
    "Ogg-video (till exempel exporterad som MP4 med H.264)."
)


def looks_like_video(head):
    """True when ``head`` (the first bytes of a file) starts like an MP4, WebM or Ogg video."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return True  # ISO base media: MP4, M4V, MOV
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return True  # EBML: WebM, Matroska
    return head.startswith(b"OggS")


class VideoCheckingMediaForm(StorageCheckMixin, BaseMediaForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and self.instance.type == "video" and hasattr(upload, "read"):
            position = upload.tell() if hasattr(upload, "tell") else 0
            upload.seek(0)
            head = upload.read(64)
            upload.seek(position)
            if not looks_like_video(head):
                raise forms.ValidationError(VIDEO_REJECTED, code="not_a_video")
        return upload
