"""The library's admin: the reference and caption-file snippets under one menu, and the
import of references from a RIS or BibTeX file (registered in :mod:`.wagtail_hooks`)."""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kcsite.csvsafe import SafeCsvExportsViewSetMixin

from .bibio.importing import import_file
from .bibio.records import ImportRefused
from .forms import ReferenceImportForm
from .models.films import CaptionTrack
from .models.references import Reference

logger = logging.getLogger(__name__)


class ReferenceImportView(WagtailAdminTemplateMixin, FormView):
    form_class = ReferenceImportForm
    template_name = "library/admin/import.html"
    page_title = _("Importera referenser")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("library.add_reference"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": self.page_title}]

    def form_valid(self, form):
        try:
            report = import_file(form.cleaned_data["file"])
        except ImportRefused as refused:
            form.add_error("file", refused.message)
            return self.form_invalid(form)
        except Exception:  # noqa: BLE001 - an editor never gets a 500 from a bad file
            logger.exception("Reference import failed")
            form.add_error(
                "file",
                _(
                    "Importen misslyckades och ingenting sparades. "
                    "Kontrollera filen och försök igen."
                ),
            )
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Importen är klar: %(created)s nya, %(updated)s uppdaterade, "
                "%(skipped)s hoppades över."
            )
            % {
                "created": len(report.created),
                "updated": len(report.updated),
                "skipped": len(report.skipped),
            },
        )
        return self.render_to_response(
            self.get_context_data(form=ReferenceImportForm(), report=report)
        )


LIBRARY_MENU_HOOK = "register_library_menu_item"


class ReferenceFilterSet(WagtailFilterSet):
    class Meta:
        model = Reference
        fields = ["ref_type", "language", "tier_promote", "tier_prevent", "tier_act"]


class ReferenceViewSet(SafeCsvExportsViewSetMixin, SnippetViewSet):
    model = Reference
    icon = "doc-full"
    menu_label = _("Referenser")
    list_display = ["title", "year", "ref_type", "doi", "updated_at"]
    filterset_class = ReferenceFilterSet
    search_fields = ["title", "summary", "container", "publisher"]
    list_export = ["title", "year", "ref_type", "container", "publisher", "doi", "url", "isbn"]
    export_filename = "referenser"
    ordering = ["-year", "title"]


class CaptionTrackViewSet(SnippetViewSet):
    model = CaptionTrack
    icon = "media"
    menu_label = _("Undertextfiler")
    list_display = ["title", "language", "created_at"]


class _PermissionMenuItem(MenuItem):
    permission = "library.add_reference"

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class ReferenceImportViewSet(ViewSet):
    name = "library_import"
    icon = "upload"
    menu_label = _("Importera referenser")
    menu_hook = LIBRARY_MENU_HOOK

    def get_urlpatterns(self):
        return [path("", ReferenceImportView.as_view(), name="import")]

    def get_menu_item(self, order=None):
        return _PermissionMenuItem(
            label=self.menu_label,
            url=self.menu_url,
            name="library-import",
            icon_name=self.icon,
            order=self.get_menu_item_order(order),
        )


class LibraryGroup(SnippetViewSetGroup):
    items = (ReferenceViewSet, CaptionTrackViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Kunskapsbank")
    menu_name = "library"
    submenu_hook = LIBRARY_MENU_HOOK
    menu_order = 250
