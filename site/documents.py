"""Documents are served by Wagtail's view, wrapped here for the headers of private files."""

from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve

PRIVATE_CACHE_CONTROL = {"private": True, "no_cache": True, "no_store": True, "max_age": 0}


def is_restricted(document_id):
    """True when the document's collection (or one above it) has a view restriction."""
    document = get_document_model().objects.filter(pk=document_id).select_related("collection")
    document = document.first()
    return document is not None and document.collection.get_view_restrictions().exists()


def serve_document(request, document_id, document_filename):
    """Wagtail's document view; a file with a view restriction (the member area's material)
    gets ``Cache-Control: private, no-store``, so no shared cache keeps it, and so do the
    login redirect and refusal that stand in for it."""
    response = serve(request, document_id, document_filename)
    if is_restricted(document_id):
        patch_cache_control(response, **PRIVATE_CACHE_CONTROL)
        patch_vary_headers(response, ["Cookie"])
    return response
