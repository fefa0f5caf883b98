"""Small JSON views of the method bank (pages are served by Wagtail)."""

from django.http import JsonResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from kcsite.search.services import (
    _backend_aliases,
    autocomplete_backend,
    backend_failed,
    clean_query,
)

MAX_SUGGESTIONS = 8


@require_GET
def autocomplete(request):
    """``/sok/forslag/?q=kartl``: titles of pages (methods first) matching the typed prefix."""
    query = clean_query(request.GET.get("q", ""))[:60]
    suggestions = []
    if len(query) >= 2:
        locale = Locale.objects.filter(language_code=get_language()).first()
        pages = Page.objects.live().public().filter(locale=locale or Locale.get_default())
        for alias in _backend_aliases():
            try:
                backend = autocomplete_backend(alias)
                found = list(backend.autocomplete(query, pages)[:MAX_SUGGESTIONS])
            except Exception as error:  # noqa: BLE001 - suggestions never cause an error page
                backend_failed(alias, "autocomplete", error, query=query)
                continue
            suggestions = [{"title": page.title, "url": page.get_url(request)} for page in found]
            break
    return JsonResponse(
        {"query": query, "suggestions": suggestions}, json_dumps_params={"ensure_ascii": False}
    )
