from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from .services import clean_query, search


def search_view(request):
    """``/sok/``: every public page in the visitor's language, with editors' promotions.

    The same Swedish search as the method finder (``kcsite.search.services.search`` builds its
    query with ``methodbank.searching``); searches are counted for the editors' report."""
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
        if page_number <= 1:
            from methodbank.services import record_search

            record_search(query, context["outcome"].total)
        logged = Query.get(query)
        logged.add_hit()
        context["promotions"] = logged.editors_picks.filter(page__live=True).select_related("page")
    return render(request, "search/search.html", context)
