"""The knowledge library's section and listing pages, under the Swedish home page::

    KnowledgeIndexPage  /kunskapsbank/
    ├── FilmLibraryPage       /kunskapsbank/filmer/         → FilmPage children
    ├── ReferenceLibraryPage  /kunskapsbank/forskning/      → one URL per Reference (routable)
    └── CalculatorPage        /kunskapsbank/franvarokalkylator/

What they show is built in :mod:`..views` (a page model routes to its views; the views never
import this module).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from .. import views
from .base import LibraryBasePage


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

    def page_context(self, request):
        return views.calculator_page_context(self, request)


class FilmLibraryPage(LibraryBasePage):
    """All training films, with filters (tier, audience) and search."""

    parent_page_types = ["library.KnowledgeIndexPage", "pages.HomePage"]
    subpage_types = ["library.FilmPage"]
    template = "library/film_library_page.html"

    class Meta:
        verbose_name = _("filmbibliotek")
        verbose_name_plural = _("filmbibliotek")

    def page_context(self, request):
        return views.film_library_context(self, request)


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
        return views.reference_library(self, request)

    @path("export/ris/", name="export_ris")
    def export_ris(self, request):
        return views.reference_library_export(self, request, "ris")

    @path("export/bibtex/", name="export_bibtex")
    def export_bibtex(self, request):
        return views.reference_library_export(self, request, "bibtex")

    @re_path(r"^(?P<pk>\d+)/(?:(?P<slug>[-\w]+)/)?$", name="reference")
    def reference_route(self, request, pk, slug=None):
        return views.reference_detail(self, request, pk)

    @re_path(r"^(?P<pk>\d+)/export/(?P<fmt>ris|bibtex)/$", name="reference_export")
    def reference_export_route(self, request, pk, fmt):
        return views.reference_export(request, pk, fmt)
