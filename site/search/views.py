from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from kcsite.privacy import redact_personal_identity_numbers

from .services import clean_query, search


def search_view(request):
    """``/sok/``: every public page in the visitor's language, with editors' promotions.

    The same Swedish search as the method finder (``kcsite.search.services.search`` builds its
    query with ``methodbank.searching``); searches are counted for the editors' report, with
    anything shaped like a personal identity number redacted first: answered, never stored."""
    query = clean_query(request.GET.get("q", ""))
    try:
        page_number = int(request.GET.get("page", "1"))
    except ValueError:
        page_number = 1

    context = {"search_query": query, "outcome": None, "promotions": []}
    if query:
        locale = Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()
        pages = Page.objects.live().public().filter(locale=locale)
        context["outcome"] = search(pages, query, page_number=max(page_number, 1))
        stored = redact_personal_identity_numbers(query)
        if page_number <= 1:
            from methodbank.services import record_search

            record_search(stored, context["outcome"].total)
        logged = Query.get(stored)
        logged.add_hit()
        context["promotions"] = logged.editors_picks.filter(page__live=True).select_related("page")
    return render(request, "search/search.html", context)
