"""What the method bank's pages show for a request (their models route here): the finder's
HTML context and JSON answer, and a method page's context."""

from functools import cache as cache_once

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import get_language
from wagtail import hooks

from kcsite.pages.caching import fragment_cache, generation, on_cache_hit
from kcsite.pages.models import SiteSettings
from kcsite.privacy import redact_personal_identity_numbers
from kcsite.search.stats import record_search

from . import taxonomy
from .services import FinderQuery, find_methods, related_methods, tier_entry_points

# Apps that take consultation bookings register a function under this hook: no arguments, it
# returns the booking form's URL path, or None (the first answer wins).
CONSULTATION_HOOK = "kc_consultation_url"


def _finder_query(request):
    """The finder's query, read once per request (``finder_json`` keeps it for the HTML)."""
    query = getattr(request, "finder_query", None)
    if query is None:
        query = request.finder_query = FinderQuery.from_request(request.GET)
    return query


def finder_json(finder, request):
    """``?format=json``: the JSON answer described in taxonomy.md; None for the HTML page."""
    query = _finder_query(request)
    if request.GET.get("format") != "json":
        return None
    if query.errors:
        return JsonResponse({"errors": query.errors}, status=400)
    found = find_methods(finder, query)
    return JsonResponse(result_json(found, request), json_dumps_params={"ensure_ascii": False})


def finder_context(finder, request):
    """The finder page's results, facets, entry points and help; a visitor's first page of a
    search is counted for the editors' report (also when the page comes from the cache)."""
    query = _finder_query(request)
    found = find_methods(finder, query)
    if query.text and query.page == 1:
        stored = redact_personal_identity_numbers(query.text)  # answered, never stored
        record_search(stored, found.total)
        on_cache_hit(request, record_search, stored, found.total)
    return {
        "found": found,
        "finder_query": query,
        "tiers": tier_entry_points(found),
        "remove_links": remove_filter_links(request, query),
        "consultation_url": consultation_url(request),
        "finder_url": finder.get_url(request),  # once: the template links to it five times
    }


def method_context(method, request):
    """Each value is computed when the template first reads it (a template calls callables),
    so a method page whose content comes from the fragment cache costs none of them."""
    return {
        "finder": cache_once(method.finder),
        "related": cache_once(lambda: related_methods(method)),
        "print_url": cache_once(
            lambda: (method.get_url(request) or "") + method.reverse_subpage("print")
        ),
    }


def result_json(found, request=None):
    """The JSON answer described in taxonomy.md."""
    return {
        "query": found.query.text,
        "total": found.total,
        "page": found.page,
        "pages": found.pages,
        "results": [
            {
                "slug": method.slug,
                "title": method.title,
                "url": method.get_url(request),
                "summary": method.summary,
                "kind": method.kind,
                "tiers": method.tiers,
                "evidence": method.evidence,
            }
            for method in found.results
        ],
        "facets": {
            group.param: {value.code: value.count for value in group.values if value.count}
            for group in found.facets
        },
    }


def remove_filter_links(request, query):
    """For the no-results help: one link per selected filter value that drops just that value."""
    links = []
    for facet in taxonomy.FACETS:
        for code in query.selected.get(facet.param, ()):
            params = request.GET.copy()
            params.setlist(facet.param, [c for c in params.getlist(facet.param) if c != code])
            params.pop("page", None)
            links.append({"label": facet.labels[code], "url": "?" + params.urlencode()})
    return links


def consultation_url(request):
    """Where a visitor books consultation with Team Domino: the first URL a
    ``kc_consultation_url`` hook gives (the support request form), else the contact page from
    the site settings. Worked out once per content generation, site and language (four to six
    queries on every finder page before)."""
    key = f"consultation-url:{generation()}:{request.get_host()}:{get_language()}"
    url = fragment_cache.get(key)
    if url is None:
        answers = (hook() for hook in hooks.get_hooks(CONSULTATION_HOOK))
        url = next((answer for answer in answers if answer is not None), None)
        if url is None:
            url = "/kontakt/"
            site_settings = SiteSettings.for_request(request)
            if site_settings.contact_page_id:
                url = site_settings.contact_page.localized.get_url(request) or url
        fragment_cache.set(key, url, settings.FRAGMENT_CACHE_SECONDS or 60)
    return url
