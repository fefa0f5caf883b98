"""One helper for rate-limited form views (kcsite.ratelimit.refuse): one answer when hit."""

from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import RequestFactory

from kcsite import ratelimit


def _request():
    return RequestFactory().post("/", REMOTE_ADDR="198.51.100.23")


def test_refuse_counts_valid_submissions_and_answers_429_when_over(settings):
    cache.clear()
    settings.TEAM_DOMINO_EMAIL = "domino@example.se"
    kwargs = {"per_email": "1/h", "template": "components/rate_limited.html", "context": {}}
    assert ratelimit.refuse(_request(), "kit:test", email="a@example.se", **kwargs) is None
    # The same address, however it is typed.
    refused = ratelimit.refuse(_request(), "kit:test", email="A@example.se ", **kwargs)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    notice = BeautifulSoup(refused.content, "html.parser").select_one("#rate-limited")
    assert notice["role"] == "alert"
    assert notice.select_one("a[href='mailto:domino@example.se']")


def test_refuse_counts_per_client_without_an_address():
    cache.clear()
    kwargs = {"per_client": "2/h", "template": "components/rate_limited.html", "context": {}}
    assert ratelimit.refuse(_request(), "kit:client", **kwargs) is None
    assert ratelimit.refuse(_request(), "kit:client", **kwargs) is None
    assert ratelimit.refuse(_request(), "kit:client", **kwargs).status_code == 429
