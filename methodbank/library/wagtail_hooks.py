"""Admin for the knowledge library: references, caption files and the reference import."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kcsite.csvsafe import SafeCsvExportsViewSetMixin

from .admin_views import ReferenceImportView
from .models import CaptionTrack, Reference

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
        from django.urls import path

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


register_snippet(LibraryGroup)


@hooks.register("register_admin_viewset")
def register_import_viewset():
    return ReferenceImportViewSet()
