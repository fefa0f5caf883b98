"""Research references: a snippet (bibliographic data is the same in every language), its
authors in order and its topics."""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from kcsite.pages.caching import fragment_cache, generation
from kcsite.pages.localising import in_active_language

from ..citations import citation_html
from ..references import normalise_doi, normalise_title, validate_doi
from .tiers import TierFields


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
        return citation_html(self)

    def get_url(self, request=None):
        """The reference's page in the reference library of the active language, or ''."""
        library = getattr(self, "_library_page", None)
        library_url = library.url if library is not None else reference_library_url()
        if not library_url:
            return ""
        return library_url + _library_page_model().get_resolver().reverse(
            "reference", pk=self.pk, slug=self.slug
        )

    def citing_films(self):
        return in_active_language(self.films.live().public())

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


def _library_page_model():
    """ReferenceLibraryPage, from the app registry: the page module routes to the views, which
    read references, so importing it here would close a circle (as a string ForeignKey
    would name it)."""
    return apps.get_model("library", "ReferenceLibraryPage")


def reference_library_url():
    """The address of the reference library in the active language (else any), or ''.

    Looked up once per content generation and language (a page citing ten references asked the
    database twenty times before)."""
    key = f"reference-library-url:{generation()}:{get_language()}"
    url = fragment_cache.get(key)
    if url is None:
        libraries = _library_page_model().objects.live().public()
        library = libraries.filter(locale__language_code=get_language()).first()
        library = library or libraries.first()
        url = (library.url or "") if library is not None else ""
        fragment_cache.set(key, url, settings.FRAGMENT_CACHE_SECONDS or 60)
    return url
