"""Registers the library's admin (defined in :mod:`.admin_views`) and the view restrictions of
its caption files (:mod:`kcsite.media`)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .admin_views import LibraryGroup, ReferenceImportViewSet
from .services import caption_file_restrictions

register_snippet(LibraryGroup)


@hooks.register("register_admin_viewset")
def register_import_viewset():
    return ReferenceImportViewSet()


hooks.register("kc_media_file_restrictions", caption_file_restrictions)
