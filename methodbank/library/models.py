"""The knowledge library: training films, research references and the absence calculator.

Page tree (under the Swedish home page)::

    KnowledgeIndexPage  /kunskapsbank/
    ├── FilmLibraryPage       /kunskapsbank/filmer/         → FilmPage children
    ├── ReferenceLibraryPage  /kunskapsbank/forskning/      → one URL per Reference (routable)
    └── CalculatorPage        /kunskapsbank/franvarokalkylator/

``Reference`` is a snippet (bibliographic data is the same in every language).
"""

import re
from urllib.parse import parse_qs, urlsplit

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from kcsite.pages.caching import generation
from kcsite.pages.localising import in_active_language
from kcsite.pages.models import BasePage

from . import vtt
from .blocks import LibraryStreamBlock

# -- Tiers ----------------------------------------------------------------------------------
TIERS = [
    ("promote", _("Främjande")),
    ("prevent", _("Förebyggande")),
    ("act", _("Åtgärdande")),
]
TIER_LABELS = dict(TIERS)


class TierFields(models.Model):
    """The three tiers as three flags (an item can serve more than one tier)."""

    tier_promote = models.BooleanField(_("främjande"), default=False)
    tier_prevent = models.BooleanField(_("förebyggande"), default=False)
    tier_act = models.BooleanField(_("åtgärdande"), default=False)

    tier_panel = MultiFieldPanel(
        [
            FieldRowPanel(
                [FieldPanel("tier_promote"), FieldPanel("tier_prevent"), FieldPanel("tier_act")]
            )
        ],
        heading=_("Nivåer"),
    )

    class Meta:
        abstract = True

    @property
    def tiers(self):
        """``[(key, label)]`` of the tiers this item serves, in tier order."""
        return [(key, label) for key, label in TIERS if getattr(self, f"tier_{key}")]

    @staticmethod
    def tier_filter(key):
        return Q(**{f"tier_{key}": True}) if key in TIER_LABELS else Q()


# -- Timecodes ------------------------------------------------------------------------------
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


def validate_timecode(value):
    parse_timecode(value)


def format_timecode(seconds):
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


# -- References -----------------------------------------------------------------------------
class ReferenceType(models.TextChoices):
    ARTICLE = "article", _("Artikel")
    REPORT = "report", _("Rapport")
    BOOK = "book", _("Bok")
    CHAPTER = "chapter", _("Kapitel i bok")
    WEBPAGE = "webpage", _("Webbsida")
    LAW = "law", _("Lag eller förordning")


class ReferenceLanguage(models.TextChoices):
    SWEDISH = "sv", _("Svenska")
    ENGLISH = "en", _("Engelska")
    OTHER = "other", _("Annat språk")


def normalise_doi(value):
    """``10.1007/abc`` from any way a DOI is written (URL, ``doi:`` prefix, upper case)."""
    value = (value or "").strip()
    value = re.sub(r"^(?:https?://)?(?:dx\.)?doi\.org/", "", value, flags=re.I)
    value = re.sub(r"^doi:\s*", "", value, flags=re.I)
    return value.strip().lower()


def normalise_title(value):
    """Title for duplicate detection: lower case, letters and digits only, single spaces."""
    return " ".join(re.sub(r"[^\w]+", " ", (value or "").casefold()).split())


def validate_doi(value):
    if value and not re.match(r"^10\.\d{4,9}/\S+$", normalise_doi(value)):
        raise ValidationError(
            _("En DOI ser ut så här: 10.1007/s10566-013-9222-1."), code="invalid_doi"
        )


class TaggedReference(TaggedItemBase):
    content_object = ParentalKey(
        "library.Reference", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Reference(TierFields, index.Indexed, ClusterableModel):
    """One research reference (article, report, book …) in the reference library."""

    ref_type = models.CharField(
        _("typ"), max_length=20, choices=ReferenceType.choices, default=ReferenceType.ARTICLE
    )
    title = models.CharField(_("titel"), max_length=500)
    year = models.PositiveSmallIntegerField(
        _("år"), null=True, blank=True, help_text=_("Lämna tomt om året inte är känt (u.å.).")
    )
    container = models.CharField(
        _("tidskrift, bok eller serie"),
        max_length=300,
        blank=True,
        help_text=_(
            "Tidskriften för en artikel, boken för ett kapitel, rapportserien för en rapport, "
            "webbplatsen för en webbsida."
        ),
    )
    publisher = models.CharField(_("förlag eller utgivare"), max_length=300, blank=True)
    volume = models.CharField(_("volym"), max_length=40, blank=True)
    issue = models.CharField(_("nummer"), max_length=40, blank=True)
    pages = models.CharField(_("sidor"), max_length=40, blank=True)
    doi = models.CharField(
        _("DOI"),
        max_length=200,
        blank=True,
        validators=[validate_doi],
        help_text=_("Bara själva DOI:n, till exempel 10.1007/s10566-013-9222-1."),
    )
    url = models.URLField(_("webbadress"), max_length=500, blank=True)
    isbn = models.CharField(_("ISBN"), max_length=40, blank=True)
    language = models.CharField(
        _("språk"), max_length=10, choices=ReferenceLanguage.choices, default="sv"
    )
    summary = models.TextField(
        _("sammanfattning"),
        blank=True,
        help_text=_("En kort sammanfattning på svenska, skriven av redaktionen."),
    )
    topics = ClusterTaggableManager(
        through=TaggedReference, blank=True, verbose_name=_("ämnen"), help_text=None
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    panels = [
        FieldPanel("ref_type"),
        InlinePanel("authors", label=_("Författare"), heading=_("Författare i ordning")),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("language")]),
        MultiFieldPanel(
            [
                FieldPanel("container"),
                FieldPanel("publisher"),
                FieldRowPanel([FieldPanel("volume"), FieldPanel("issue"), FieldPanel("pages")]),
                FieldPanel("isbn"),
            ],
            heading=_("Publicering"),
        ),
        MultiFieldPanel([FieldPanel("doi"), FieldPanel("url")], heading=_("Länkar")),
        FieldPanel("summary"),
        FieldPanel("topics"),
        TierFields.tier_panel,
    ]

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.SearchField("container"),
        index.SearchField("publisher"),
        index.SearchField("author_names", boost=2),
        index.SearchField("topic_names"),
        index.FilterField("ref_type"),
        index.FilterField("year"),
    ]

    class Meta:
        verbose_name = _("referens")
        verbose_name_plural = _("referenser")
        ordering = ["-year", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["doi"], condition=~Q(doi=""), name="library_reference_unique_doi"
            )
        ]

    def __str__(self):
        author = self.first_author_family or _("Okänd författare")
        return f"{author} ({self.year or _('u.å.')}). {self.title}"

    def save(self, *args, **kwargs):
        self.doi = normalise_doi(self.doi)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.doi = normalise_doi(self.doi)
        if self.doi:
            clash = Reference.objects.filter(doi=self.doi).exclude(pk=self.pk).first()
            if clash:
                raise ValidationError(
                    {"doi": _("En referens med samma DOI finns redan: %(ref)s") % {"ref": clash}}
                )

    # -- presentation ---------------------------------------------------------------------
    @property
    def author_list(self):
        return [author.name for author in self.authors.all()]

    def author_names(self):
        return " ".join(self.author_list)

    def topic_names(self):
        return " ".join(tag.name for tag in self.topics.all())

    @property
    def first_author_family(self):
        names = self.author_list
        return names[0].split(",")[0].strip() if names else ""

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def slug(self):
        return slugify(self.title)[:60] or "referens"

    def citation_html(self):
        from .citations import citation_html

        return citation_html(self)

    def get_url(self, request=None):
        """The reference's page in the reference library of the active language, or ''."""
        library = getattr(self, "_library_page", None)
        library_url = library.url if library is not None else reference_library_url()
        if not library_url:
            return ""
        return library_url + ReferenceLibraryPage.get_resolver().reverse(
            "reference", pk=self.pk, slug=self.slug
        )

    def citing_films(self):
        return in_active_language(FilmPage.objects.live().public().filter(references=self))

    def duplicate_key(self):
        return (normalise_title(self.title), self.year)


class ReferenceAuthor(Orderable):
    reference = ParentalKey(Reference, on_delete=models.CASCADE, related_name="authors")
    name = models.CharField(
        _("namn"),
        max_length=200,
        help_text=_("”Efternamn, Förnamn” för en person, eller hela namnet för en organisation."),
    )

    panels = [FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("författare")
        verbose_name_plural = _("författare")

    def __str__(self):
        return self.name


# -- Films ----------------------------------------------------------------------------------
class Audience(models.Model):
    """Who a film is for. A fixed list (its labels are translated), created by migration."""

    class Key(models.TextChoices):
        TEACHERS = "teachers", _("Lärare och mentorer")
        SCHOOL_STAFF = "school_staff", _("Övrig skolpersonal")
        PRINCIPALS = "principals", _("Rektorer")
        PUPIL_HEALTH = "pupil_health", _("Elevhälsan")
        SOCIAL_SERVICES = "social_services", _("Socialtjänsten (IFO)")
        GUARDIANS = "guardians", _("Vårdnadshavare")

    key = models.CharField(_("målgrupp"), max_length=30, choices=Key.choices, unique=True)
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
        try:
            return parse_timecode(self.start)
        except ValidationError:
            return 0


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


class LibraryBasePage(BasePage):
    """BasePage with the library's StreamField (shared blocks + the absence calculator)."""

    body = StreamField(LibraryStreamBlock(), blank=True, verbose_name=_("innehåll"))

    class Meta:
        abstract = True


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
        try:
            return parse_timecode(self.duration)
        except ValidationError:
            return 0

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
        links = []
        for chapter in self.chapters.all():
            seconds = chapter.seconds
            if self.video_id:
                href = f"{self.video.url}#t={seconds}"
            elif "youtube-nocookie" in self.embed_url:
                href = f"{self.embed_url}?start={seconds}"
            elif self.embed_url:
                href = f"{self.embed_url}#t={seconds}s"
            else:
                href = ""
            links.append(
                {"title": chapter.title, "start": chapter.start, "seconds": seconds, "href": href}
            )
        return links

    def get_meta_description(self):
        return self.search_description or self.intro[:160]


# -- Section and listing pages -------------------------------------------------------------
class KnowledgeIndexPage(LibraryBasePage):
    """The knowledge library section: films, research and the absence calculator."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = [
        "library.FilmLibraryPage",
        "library.ReferenceLibraryPage",
        "library.CalculatorPage",
        "pages.StandardPage",
    ]
    template = "library/knowledge_index_page.html"

    class Meta:
        verbose_name = _("kunskapsbank")
        verbose_name_plural = _("kunskapsbanker")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().specific()
        return context


class CalculatorPage(LibraryBasePage):
    """The absence calculator on a page of its own (the body may add explanations)."""

    parent_page_types = ["library.KnowledgeIndexPage", "pages.HomePage", "pages.StandardPage"]
    subpage_types = []
    template = "library/calculator_page.html"

    class Meta:
        verbose_name = _("frånvarokalkylator")
        verbose_name_plural = _("frånvarokalkylatorer")

    def get_context(self, request, *args, **kwargs):
        from .forms import CalculatorForm

        context = super().get_context(request, *args, **kwargs)
        form = CalculatorForm.from_query(request.GET)
        context.update(
            calculator_form=form,
            calculator_result=form.result(),
            calculator_comparison=form.comparison(),
            calculator_prefix="",
            calculator_action=self.get_url(request),
        )
        return context


class FilmLibraryPage(LibraryBasePage):
    """All training films, with filters (tier, audience) and search."""

    parent_page_types = ["library.KnowledgeIndexPage", "pages.HomePage"]
    subpage_types = ["library.FilmPage"]
    template = "library/film_library_page.html"

    class Meta:
        verbose_name = _("filmbibliotek")
        verbose_name_plural = _("filmbibliotek")

    def get_context(self, request, *args, **kwargs):
        from .services import film_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(film_listing(self, request))
        return context


class ReferenceLibraryPage(RoutablePageMixin, LibraryBasePage):
    """The reference library: search, filters, sort, export; each reference has its own URL."""

    parent_page_types = ["library.KnowledgeIndexPage", "pages.HomePage"]
    subpage_types = []
    template = "library/reference_library_page.html"

    class Meta:
        verbose_name = _("referensbibliotek")
        verbose_name_plural = _("referensbibliotek")

    @path("")
    def index_route(self, request):
        from .services import reference_listing

        context = self.get_context(request)
        context.update(reference_listing(request))
        for reference in context["page_obj"].object_list:
            reference._library_page = self
        context["export_ris_url"] = self.url + self.reverse_subpage("export_ris")
        context["export_bibtex_url"] = self.url + self.reverse_subpage("export_bibtex")
        return self.render(request, context_overrides=context)

    @path("export/ris/", name="export_ris")
    def export_ris(self, request):
        from .services import export_response, reference_listing

        listing = reference_listing(request, paginate=False)
        return export_response(listing["references"], "ris", "referenser")

    @path("export/bibtex/", name="export_bibtex")
    def export_bibtex(self, request):
        from .services import export_response, reference_listing

        listing = reference_listing(request, paginate=False)
        return export_response(listing["references"], "bibtex", "referenser")

    @re_path(r"^(?P<pk>\d+)/(?:(?P<slug>[-\w]+)/)?$", name="reference")
    def reference_route(self, request, pk, slug=None):
        from django.http import Http404

        reference = Reference.objects.filter(pk=pk).first()
        if reference is None:
            raise Http404
        context = self.get_context(request)
        context.update(
            reference=reference,
            citing_films=reference.citing_films(),
            citing_methods=citing_methods(reference),
            canonical_url=self.full_url
            + self.reverse_subpage(
                "reference", kwargs={"pk": reference.pk, "slug": reference.slug}
            ),
            export_ris_url=self.url
            + self.reverse_subpage("reference_export", kwargs={"pk": reference.pk, "fmt": "ris"}),
            export_bibtex_url=self.url
            + self.reverse_subpage(
                "reference_export", kwargs={"pk": reference.pk, "fmt": "bibtex"}
            ),
        )
        return self.render(
            request,
            context_overrides=context,
            template="library/reference_detail.html",
        )

    @re_path(r"^(?P<pk>\d+)/export/(?P<fmt>ris|bibtex)/$", name="reference_export")
    def reference_export_route(self, request, pk, fmt):
        from django.http import Http404

        from .services import export_response

        reference = Reference.objects.filter(pk=pk).first()
        if reference is None:
            raise Http404
        return export_response([reference], fmt, f"referens-{reference.pk}")


def citing_methods(reference):
    """Live method pages that cite ``reference`` (empty until the method bank links them)."""
    relation = getattr(reference, "methods", None)
    if relation is None:
        return []
    try:
        return in_active_language(relation.live().public())
    except AttributeError:
        return relation.all()


def reference_library_url():
    """The address of the reference library in the active language (else any), or ''.

    Looked up once per content generation and language (a page citing ten references asked the
    database twenty times before)."""
    key = f"reference-library-url:{generation()}:{get_language()}"
    url = cache.get(key)
    if url is None:
        libraries = ReferenceLibraryPage.objects.live().public()
        library = libraries.filter(locale__language_code=get_language()).first()
        library = library or libraries.first()
        url = (library.url or "") if library is not None else ""
        cache.set(key, url, settings.FRAGMENT_CACHE_SECONDS or 60)
    return url
