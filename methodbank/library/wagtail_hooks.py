"""Registers the library's admin (defined in :mod:`.admin_views`)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .admin_views import LibraryGroup, ReferenceImportViewSet

register_snippet(LibraryGroup)


@hooks.register("register_admin_viewset")
def register_import_viewset():
    return ReferenceImportViewSet()
