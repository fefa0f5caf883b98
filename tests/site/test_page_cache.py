import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kcsite.search.models import SearchTermStat
from methodbank.models import MethodPage

pytestmark = pytest.mark.django_db


def _queries(client, url, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return response, len(queries)


def test_anonymous_method_page_is_served_from_the_cache_until_it_is_published(method):
    from django.test import Client

    client = Client()
    page = method
    first, cold = _queries(client, page.url)
    second, warm = _queries(client, page.url)
    assert second.content == first.content
    assert warm < cold

    page.title = "Ny titel efter publicering"
    page.save_revision().publish()
    third, _ = _queries(client, page.url)
    assert "Ny titel efter publicering" in third.content.decode()


def test_logged_in_editors_never_get_the_cached_page(admin_client, client, method):
    page = method
    client.get(page.url)
    assert "userbar" not in client.get(page.url).content.decode()  # the cached anonymous page
    assert "userbar" in admin_client.get(page.url).content.decode()  # rendered for the editor


def test_a_cached_finder_search_is_still_counted_for_the_editors_report(client, method):
    finder_url = "/metodbank/"
    for _ in range(3):
        client.get(finder_url, {"q": "omtankesamtal"})
    stats = SearchTermStat.objects.filter(query="omtankesamtal")
    assert sum(stat.hits for stat in stats) == 3


def test_menus_and_breadcrumbs_show_a_renamed_page_as_soon_as_it_is_published(client, method):
    from wagtail.models import Page

    finder = method.get_parent()
    home = client.get("/").content.decode()
    assert finder.title in home  # main menu, rendered into the fragment cache
    assert finder.title in client.get(method.url).content.decode()  # breadcrumbs

    finder = Page.objects.get(pk=finder.pk).specific
    finder.title = "Metodbanken med nytt namn"
    finder.save_revision().publish()

    assert "Metodbanken med nytt namn" in client.get("/").content.decode()
    method_page = client.get(MethodPage.objects.get(pk=method.pk).url).content.decode()
    assert "Metodbanken med nytt namn" in method_page


def test_a_new_view_restriction_takes_a_cached_page_from_anonymous_visitors(client, method):
    from wagtail.models import PageViewRestriction

    page = method
    assert page.summary in client.get(page.url).content.decode()  # now in the page cache
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    response = client.get(page.url)
    assert page.summary not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_process_memo_rebuilds_after_a_bump_and_rechecks_the_database():
    from kcsite.pages.caching import ProcessMemo, bump_generation

    builds = []
    version = ["v1"]
    memo = ProcessMemo(
        build=lambda _version: builds.append(1) or len(builds), db_version=lambda: version[0]
    )
    assert memo.get() == 1
    assert memo.get() == 1  # same generation, within the recheck interval: kept
    bump_generation()
    assert memo.get() == 2  # another request published something

    memo.recheck = 0  # a worker whose cache is per process sees the database change
    assert memo.get() == 2
    version[0] = "v2"
    assert memo.get() == 3


def test_unknown_query_parameters_do_not_make_new_cache_entries(use_cache, method):
    use_cache(
        {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "unknown-parameters",
        }
    )
    from django.core.cache import cache

    cache.clear()
    from django.test import Client

    from kcsite.pages.caching import _key

    client = Client()
    page = method
    client.get(page.url)
    entries = len(cache._cache)
    for n in range(20):
        response = client.get(page.url, {"utm_source": f"x{n}", "cachebuster": n})
        assert response.status_code == 200
    assert len(cache._cache) == entries  # served from the one entry, nothing new stored

    finder = page.get_parent()
    first = client.get(finder.url, {"q": "närvaro", "fbclid": "a"})
    before = len(cache._cache)
    second = client.get(finder.url, {"fbclid": "b", "q": "närvaro"})
    assert len(cache._cache) == before and second.content == first.content
    other = client.get(finder.url, {"q": "samtal"})
    assert other.content != first.content  # a parameter the finder reads is still in the key

    from django.test import RequestFactory

    factory = RequestFactory()
    plain = factory.get(page.url)
    tagged = factory.get(page.url, {"utm_campaign": "x", "q": "y"})
    assert _key(plain, page) == _key(tagged, page)


def test_a_page_the_cache_misses_is_looked_up_once(use_cache, method, monkeypatch):
    """The middleware's miss before routing stands for the page's own lookup (same address),
    and it reads the content generation in the same round trip as the page."""
    use_cache(
        {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "page-lookups"}
    )
    from django.core.cache import caches
    from django.test import Client

    from kcsite.pages.caching import GENERATION_KEY

    default = caches["default"]
    default.clear()
    calls = []  # each cache read that asks for a page or the generation: the keys it asks for
    real_get, real_get_many = default.get, default.get_many
    inside_many = []  # LocMemCache's get_many calls get for each key: one read, not several

    def counting_get(key, *args, **kwargs):
        if not inside_many and (key.startswith("page:") or key == GENERATION_KEY):
            calls.append([key])
        return real_get(key, *args, **kwargs)

    def counting_get_many(keys, *args, **kwargs):
        if any(key.startswith("page:") or key == GENERATION_KEY for key in keys):
            calls.append(list(keys))
        inside_many.append(True)
        try:
            return real_get_many(keys, *args, **kwargs)
        finally:
            inside_many.pop()

    monkeypatch.setattr(default, "get", counting_get)
    monkeypatch.setattr(default, "get_many", counting_get_many)
    client = Client()
    assert client.get(method.url).status_code == 200
    pages = [key for keys in calls for key in keys if key.startswith("page:")]
    assert len(pages) == 1  # the miss: looked up once, then rendered and stored
    calls.clear()
    assert client.get(method.url).status_code == 200
    assert len(calls) == 1 and GENERATION_KEY in calls[0]  # the hit: one read for both
    finder = method.get_parent()
    client.get(finder.url, {"q": "närvaro", "utm_source": "x"})
    client.get(finder.url, {"q": "närvaro", "utm_source": "y"})
    assert len(calls) == 3  # a parameter the finder ignores does not change the address
