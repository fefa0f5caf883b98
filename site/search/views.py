from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from kcsite.privacy import redact_personal_identity_numbers

from .services import autocomplete_backend, backend_aliases, backend_failed, clean_query, search
from .stats import record_search

MAX_SUGGESTIONS = 8


def _public_pages():
    """Every live, public page in the visitor's language."""
    locale = Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()
    return Page.objects.live().public().filter(locale=locale)


def search_view(request):
    """``/sok/``: every public page in the visitor's language, with editors' promotions.

    The same Swedish search as the apps' own (``kcsite.search.services.search`` builds its
    query with ``kcsite.search.analysis``); searches are counted for the editors' report, with
    anything shaped like a personal identity number redacted first: answered, never stored."""
    query = clean_query(request.GET.get("q", ""))
    try:
        page_number = int(request.GET.get("page", "1"))
    except ValueError:
        page_number = 1

    context = {"search_query": query, "outcome": None, "promotions": []}
    if query:
        context["outcome"] = search(_public_pages(), query, page_number=max(page_number, 1))
        stored = redact_personal_identity_numbers(query)
        if page_number <= 1:
            record_search(stored, context["outcome"].total)
        logged = Query.get(stored)
        logged.add_hit()
        context["promotions"] = logged.editors_picks.filter(page__live=True).select_related("page")
    return render(request, "search/search.html", context)


@require_GET
def autocomplete_view(request):
    """``/sok/forslag/?q=kartl``: titles of pages matching the typed prefix (JSON)."""
    query = clean_query(request.GET.get("q", ""))[:60]
    suggestions = []
    if len(query) >= 2:
        pages = _public_pages()
        for alias in backend_aliases():
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
