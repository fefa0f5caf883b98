"""The method bank's pages (methods and the method finder) and the English–Swedish search
glossary."""

from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from kcsite.pages.blocks import BaseStreamBlock
from kcsite.pages.caching import cached_for_anonymous
from kcsite.pages.localising import localised_children
from kcsite.pages.models import BasePage, PageContextMixin, RememberedRestrictionsMixin
from kcsite.pages.slugs import AsciiSlugMixin
from kcsite.search.words import compound_parts

from . import taxonomy, views
from .blocks import MaterialDocumentBlock, MaterialLinkBlock, ReferenceBlock, StepBlock
from .forms import MethodPageForm


class MethodPage(
    RememberedRestrictionsMixin, PageContextMixin, AsciiSlugMixin, RoutablePageMixin, Page
):  # noqa: DJ008 - Page.__str__ (the title)
    """A method, a mapping/investigation method or a tool: who does what, when and how."""

    summary = models.TextField(
        _("sammanfattning"),
        max_length=400,
        help_text=_("En eller två meningar som visas i träfflistor."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("beskrivning"))
    kind = models.CharField(_("typ"), max_length=20, choices=taxonomy.KINDS, default="method")
    tiers = models.JSONField(_("nivåer"), default=list, blank=True)
    audiences = models.JSONField(_("målgrupper"), default=list, blank=True)
    performers = models.JSONField(_("vem gör det"), default=list, blank=True)
    school_forms = models.JSONField(_("skolformer"), default=list, blank=True)
    evidence = models.CharField(
        _("evidensnivå"), max_length=30, choices=taxonomy.EVIDENCE, blank=True
    )
    effort = models.CharField(
        _("insatsens storlek"), max_length=10, choices=taxonomy.EFFORTS, blank=True
    )
    duration = models.CharField(
        _("tidsåtgång"),
        max_length=80,
        blank=True,
        help_text=_("T.ex. ”30–45 min per samtal” eller ”6 veckor”."),
    )
    steps = StreamField([("step", StepBlock())], blank=True, verbose_name=_("steg för steg"))
    materials = StreamField(
        [("document", MaterialDocumentBlock()), ("link", MaterialLinkBlock())],
        blank=True,
        verbose_name=_("material"),
    )
    references = StreamField(
        [("reference", ReferenceBlock())],
        blank=True,
        verbose_name=_("källor i importformatet"),
        help_text=_(
            "Källor som de står i importfilen. Varje källa kopplas till referensbiblioteket "
            "(fältet nedan) när metoden importeras."
        ),
    )
    cited_references = ParentalManyToManyField(
        "library.Reference",
        blank=True,
        related_name="methods",
        verbose_name=_("forskning och källor"),
    )
    keywords = models.TextField(
        _("nyckelord"),
        blank=True,
        help_text=_("Ett nyckelord per rad. Ord som besökare kan tänkas söka på."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("keywords", boost=1.5),
        index.SearchField("body"),
        index.SearchField("steps"),
        index.SearchField("compound_parts"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.FilterField("evidence"),
    ]

    parent_page_types = ["methodbank.MethodFinderPage"]
    subpage_types = []
    base_form_class = MethodPageForm
    template = "methodbank/method_page.html"

    content_panels = Page.content_panels + [
        "summary",
        MultiFieldPanel(
            [
                "tiers",
                FieldRowPanel(["kind", "evidence"]),
                FieldRowPanel(["effort", "duration"]),
            ],
            heading=_("Nivå och typ"),
        ),
        MultiFieldPanel(
            ["audiences", "performers", "school_forms"],
            heading=_("För vem och av vem"),
        ),
        "body",
        "steps",
    ]
    resources_panels = [
        "materials",
        "cited_references",
        "references",
        InlinePanel(
            "related_links", label=_("Relaterade metoder"), heading=_("Relaterade metoder")
        ),
        "keywords",
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Innehåll")),
            ObjectList(resources_panels, heading=_("Material och källor")),
            ObjectList(Page.promote_panels, heading=_("Publicering")),
            ObjectList(Page.settings_panels, heading=_("Inställningar")),
        ]
    )

    class Meta:
        verbose_name = _("metod")
        verbose_name_plural = _("metoder")

    # -- validation ----------------------------------------------------------------------
    def clean(self):
        super().clean()
        errors = {}
        if not self.tiers and not getattr(self, "defer_required_checks", False):
            errors["tiers"] = _("Välj minst en nivå.")
        for name, choices in (
            ("tiers", taxonomy.TIERS),
            ("audiences", taxonomy.AUDIENCES),
            ("performers", taxonomy.PERFORMERS),
            ("school_forms", taxonomy.SCHOOL_FORMS),
        ):
            codes = {code for code, _label in choices}
            value = getattr(self, name) or []
            if not isinstance(value, list) or not set(value) <= codes:
                errors[name] = _("Okänt värde.")
        if errors:
            raise ValidationError(errors)

    # -- presentation --------------------------------------------------------------------
    def get_meta_description(self):
        return self.search_description or self.summary

    @staticmethod
    def _labelled(codes, choices):
        labels = dict(choices)
        return [(code, labels[code]) for code in codes or [] if code in labels]

    def tier_labels(self):
        order = [code for code, _label in taxonomy.TIERS]
        return self._labelled(sorted(self.tiers or [], key=order.index), taxonomy.TIERS)

    def audience_labels(self):
        return self._labelled(self.audiences, taxonomy.AUDIENCES)

    def performer_labels(self):
        return self._labelled(self.performers, taxonomy.PERFORMERS)

    def school_form_labels(self):
        return self._labelled(self.school_forms, taxonomy.SCHOOL_FORMS)

    def evidence_explanation(self):
        return taxonomy.EVIDENCE_EXPLANATIONS.get(self.evidence, "")

    @classmethod
    def search_vocabulary(cls):
        """The titles, summaries and keywords of the live methods: words the site's search
        knows (the ``kc_search_vocabulary`` hook)."""
        for row in cls.objects.live().values_list("title", "summary", "keywords"):
            yield from row

    def keyword_list(self):
        return [line.strip() for line in (self.keywords or "").splitlines() if line.strip()]

    def plain_text(self):
        """Title, summary, keywords, body and steps as plain text (for compound splitting)."""
        key = (self.title, self.summary, self.keywords, id(self.body), id(self.steps))
        cached = getattr(self, "_plain_text_cache", None)
        if cached and cached[0] == key:
            return cached[1]
        parts = [self.title, self.summary, self.keywords or ""]
        for block in self.body:
            parts.extend(str(text) for text in block.block.get_searchable_content(block.value))
        for block in self.steps:
            parts.extend([block.value.get("title", ""), block.value.get("body", "")])
        text = strip_tags(" ".join(parts))
        self._plain_text_cache = (key, text)
        return text

    def compound_parts(self):
        """The parts of this method's compound words with their base forms (a search field,
        see ``kcsite.search.words.compound_parts``)."""
        # the backends read this field several times per method when indexing
        text = self.plain_text()
        cached = getattr(self, "_compound_parts_cache", None)
        if cached and cached[0] == text:
            return cached[1]
        parts = compound_parts(text)
        self._compound_parts_cache = (text, parts)
        return parts

    cache_params = ()  # a method page reads no query parameters (kcsite.pages.caching)

    @cached_for_anonymous
    def serve(self, request, *args, **kwargs):
        return super().serve(request, *args, **kwargs)

    def finder(self):
        """The method finder this method belongs to (its parent), in one query; also kept as the
        cached parent, so ``get_parent()`` afterwards costs nothing."""
        if self.depth <= 2:
            return None
        cached = getattr(self, "_cached_parent_obj", None)
        if isinstance(cached, MethodFinderPage):
            return cached
        parent = MethodFinderPage.objects.filter(path=self.path[: -self.steplen]).first()
        if parent is not None:
            self._cached_parent_obj = parent
        return parent

    def page_context(self, request):
        return views.method_context(self, request)

    @path("utskrift/", name="print")
    def print_view(self, request):
        context = self.get_context(request)
        return TemplateResponse(request, "methodbank/method_print.html", context)


class RelatedMethod(Orderable):
    page = ParentalKey(MethodPage, related_name="related_links", on_delete=models.CASCADE)
    method = models.ForeignKey(
        MethodPage,
        verbose_name=_("metod"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("method", page_type="methodbank.MethodPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("relaterad metod")
        verbose_name_plural = _("relaterade metoder")


class MethodFinderPage(BasePage):
    """The method finder: free text plus facets, with counts, as HTML or JSON."""

    subpage_types = ["methodbank.MethodPage"]
    max_count_per_parent = 1
    template = "methodbank/method_finder_page.html"

    class Meta:
        verbose_name = _("metodbank")
        verbose_name_plural = _("metodbanker")

    # The query parameters the finder reads (kcsite.pages.caching keys the cache on these).
    cache_params = ("q", "sort", "page", "format", *(facet.param for facet in taxonomy.FACETS))

    def methods(self):
        """The live, public methods under this finder (what it shows); on a translated finder,
        the Swedish original of every method that has no translation yet."""
        return localised_children(self, MethodPage)

    @cached_for_anonymous
    def serve(self, request, *args, **kwargs):
        response = views.finder_json(self, request)
        if response is None:
            response = super().serve(request, *args, **kwargs)
        return response

    def page_context(self, request):
        return views.finder_context(self, request)


class GlossaryTerm(models.Model):
    """English words and the Swedish words a search on the English side also looks for."""

    english = models.CharField(
        _("engelska ord"),
        max_length=300,
        unique=True,
        help_text=_("Ett eller flera engelska ord eller uttryck, åtskilda med kommatecken."),
    )
    swedish = models.CharField(
        _("svenska ord"),
        max_length=300,
        help_text=_(
            "Svenska ord eller uttryck som en engelsk sökning också ska hitta, åtskilda med "
            "kommatecken, t.ex. ”skolk, ogiltig frånvaro”."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = ["english", "swedish"]

    class Meta:
        verbose_name = _("ord i ordlistan engelska–svenska")
        verbose_name_plural = _("ordlista engelska–svenska")
        ordering = ["english"]

    def __str__(self):
        return Truncator(f"{self.english} → {self.swedish}").chars(80)

    @staticmethod
    def split(text):
        return list(dict.fromkeys(t.strip().lower() for t in (text or "").split(",") if t.strip()))

    def clean(self):
        english, swedish = self.split(self.english), self.split(self.swedish)
        errors = {}
        if not english:
            errors["english"] = _("Ange minst ett engelskt ord.")
        if not swedish:
            errors["swedish"] = _("Ange minst ett svenskt ord.")
        if errors:
            raise ValidationError(errors)
        self.english, self.swedish = ", ".join(english), ", ".join(swedish)
