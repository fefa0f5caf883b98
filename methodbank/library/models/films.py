"""Training films: the film page (self-hosted with captions, or embedded), its chapters, caption
files and audiences."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from kcsite.vocabularies import FILM_AUDIENCES

from .. import vtt
from ..embeds import chapter_href, embed_url_for
from ..timecodes import seconds_or_zero, validate_timecode
from .base import LibraryBasePage
from .references import Reference, ReferenceLanguage
from .tiers import TierFields


class Audience(models.Model):
    """Who a film is for: the rows are :data:`kcsite.vocabularies.FILM_AUDIENCES`, created by
    migration (their labels are translated)."""

    key = models.CharField(_("målgrupp"), max_length=30, choices=FILM_AUDIENCES, unique=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("målgrupp")
        verbose_name_plural = _("målgrupper")
        ordering = ["sort_order", "key"]

    def __str__(self):
        return str(self.get_key_display())


class CaptionTrack(models.Model):
    """A WebVTT caption file, validated on upload (a wrong line is named in the message)."""

    title = models.CharField(_("titel"), max_length=200)
    language = models.CharField(
        _("språk"), max_length=10, choices=ReferenceLanguage.choices[:2], default="sv"
    )
    file = models.FileField(
        _("WebVTT-fil"),
        upload_to="captions/",
        validators=[FileExtensionValidator(["vtt"]), vtt.validate_vtt_file],
        help_text=_("En textfil i formatet WebVTT (.vtt), sparad som UTF-8."),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    panels = [FieldPanel("title"), FieldPanel("language"), FieldPanel("file")]

    class Meta:
        verbose_name = _("undertextfil")
        verbose_name_plural = _("undertextfiler")

    def __str__(self):
        return f"{self.title} ({self.get_language_display()})"

    def cues(self):
        with self.file.open("rb") as handle:
            return vtt.parse(handle.read())


class FilmChapter(Orderable):
    page = ParentalKey("library.FilmPage", on_delete=models.CASCADE, related_name="chapters")
    start = models.CharField(
        _("starttid"),
        max_length=12,
        validators=[validate_timecode],
        help_text=_("Minuter:sekunder, till exempel 1:30."),
    )
    title = models.CharField(_("kapitelrubrik"), max_length=200)

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("title")])]

    @property
    def seconds(self):
        return seconds_or_zero(self.start)


class FilmPageForm(WagtailAdminPageForm):
    """Captions are required to publish (or submit for approval) a self-hosted film."""

    PUBLISHING_ACTIONS = ("action-publish", "action-submit")

    def clean(self):
        cleaned = super().clean()
        publishing = any(action in self.data for action in self.PUBLISHING_ACTIONS)
        if publishing and cleaned.get("video") and not cleaned.get("captions"):
            self.add_error(
                "captions",
                _(
                    "En film som ligger på webbplatsen måste ha undertexter (en WebVTT-fil) innan "
                    "den publiceras. Spara som utkast tills undertexterna finns."
                ),
            )
        return cleaned


class FilmPage(TierFields, LibraryBasePage):  # noqa: DJ008 - Page.__str__ (the title)
    """A training film: self-hosted (with captions) or embedded, with transcript and chapters."""

    video = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("video på webbplatsen"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    captions = models.ForeignKey(
        CaptionTrack,
        verbose_name=_("undertexter (svenska)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Krävs för att publicera en film som ligger på webbplatsen."),
    )
    captions_en = models.ForeignKey(
        CaptionTrack,
        verbose_name=_("undertexter (engelska)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    external_url = models.URLField(
        _("eller länk till YouTube eller Vimeo"),
        blank=True,
        help_text=_(
            "Visas i YouTubes integritetsläge (youtube-nocookie.com) eller Vimeo utan spårning."
        ),
    )
    duration = models.CharField(
        _("längd"),
        max_length=12,
        validators=[validate_timecode],
        help_text=_("Minuter:sekunder, till exempel 12:30."),
    )
    audiences = ParentalManyToManyField(Audience, blank=True, verbose_name=_("målgrupper"))
    transcript = models.TextField(
        _("transkription"),
        help_text=_("Allt som sägs och visas i filmen, som text. Tom rad mellan stycken."),
    )
    example_note = models.TextField(
        _("notering"),
        blank=True,
        help_text=_("Visas tydligt ovanför filmen, till exempel att den är ett exempel."),
    )
    references = ParentalManyToManyField(
        Reference, blank=True, related_name="films", verbose_name=_("referenser")
    )
    related_methods = ParentalManyToManyField(
        "methodbank.MethodPage",
        blank=True,
        related_name="films",
        verbose_name=_("relaterade metoder"),
    )

    base_form_class = FilmPageForm
    parent_page_types = ["library.FilmLibraryPage"]
    subpage_types = []
    template = "library/film_page.html"

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("example_note"),
        MultiFieldPanel(
            [
                FieldPanel("video"),
                FieldPanel("captions"),
                FieldPanel("captions_en"),
                FieldPanel("external_url"),
                FieldPanel("duration"),
            ],
            heading=_("Film"),
        ),
        InlinePanel("chapters", label=_("Kapitel"), heading=_("Kapitel")),
        FieldPanel("transcript"),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        TierFields.tier_panel,
        FieldPanel("references"),
        FieldPanel("related_methods"),
        FieldPanel("body"),
    ]

    search_fields = LibraryBasePage.search_fields + [
        index.SearchField("transcript"),
        index.FilterField("tier_promote"),
        index.FilterField("tier_prevent"),
        index.FilterField("tier_act"),
    ]

    class Meta:
        verbose_name = _("film")
        verbose_name_plural = _("filmer")

    def clean(self):
        super().clean()
        errors = {}
        if self.video_id and self.external_url:
            errors["external_url"] = _(
                "Välj antingen en video på webbplatsen eller en länk, inte båda."
            )
        elif not self.video_id and not self.external_url:
            errors["video"] = _(
                "Välj en video på webbplatsen eller ange en länk till YouTube eller Vimeo."
            )
        if self.external_url and not embed_url_for(self.external_url):
            errors["external_url"] = _(
                "Länken måste gå till en film på YouTube eller Vimeo, "
                "till exempel https://www.youtube.com/watch?v=…"
            )
        if errors:
            raise ValidationError(errors)

    @property
    def embed_url(self):
        return embed_url_for(self.external_url)

    @property
    def duration_seconds(self):
        return seconds_or_zero(self.duration)

    @property
    def duration_iso(self):
        minutes, seconds = divmod(self.duration_seconds, 60)
        return f"PT{minutes}M{seconds}S"

    @property
    def transcript_paragraphs(self):
        return [
            part.strip() for part in re.split(r"\n\s*\n", self.transcript or "") if part.strip()
        ]

    def chapter_links(self):
        """Chapters with a link that works without JavaScript (a media-fragment or start time)."""
        video_url = self.video.url if self.video_id else ""
        return [
            {
                "title": chapter.title,
                "start": chapter.start,
                "seconds": chapter.seconds,
                "href": chapter_href(
                    chapter.seconds, video_url=video_url, embed_url=self.embed_url
                ),
            }
            for chapter in self.chapters.all()
        ]

    def get_meta_description(self):
        return self.search_description or self.intro[:160]
