"""The "mail me my link" flow (kcsite.linkmail): valid address → rate limit → mail when a
record is found → the same answer for every address."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from kcsite.linkmail import MailLinkView

KNOWN = {"rektor@skola.example.se"}


@pytest.fixture
def page(settings, tmp_path):
    (tmp_path / "link_page.html").write_text(
        '{% if sent %}<p role="status">Om adressen finns har vi skickat länken.</p>'
        '{% else %}{% include "components/forms/link_request.html" %}{% endif %}'
    )
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], str(tmp_path)]}]
    cache.clear()
    return "link_page.html"


def _view(template, mailed, **attributes):
    class Example(MailLinkView):
        scope = "kit:link"
        template_name = template

        def send_link(self, email, form):
            if email in KNOWN:  # the lookup: only a record gets a mail
                mailed.append(email)

    for name, value in attributes.items():
        setattr(Example, name, value)
    return Example.as_view()


def _post(view, email, **extra):
    data = {"email": email, "website": "", **extra}
    return view(RequestFactory().post("/", data, REMOTE_ADDR="198.51.100.7"))


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_form_page_has_the_address_field_honeypot_and_no_cache(page):
    response = _view(page, [])(RequestFactory().get("/"))
    form = _soup(response).select_one("form[method=post]")
    assert form.select_one("input[type=email][name=email][autocomplete=email]")
    assert form.select_one(".honeypot[aria-hidden=true] input[name=website]")
    assert form.select_one("button[type=submit]")
    assert "no-cache" in response["Cache-Control"]


def test_known_and_unknown_addresses_get_the_same_answer(page):
    mailed = []
    view = _view(page, mailed)
    known = _post(view, " Rektor@Skola.example.se ")
    unknown = _post(view, "ingen@skola.example.se")
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    assert _soup(known).select_one("[role=status]")
    assert mailed == ["rektor@skola.example.se"]


@pytest.mark.parametrize(
    "data", [{"email": "inte-en-adress"}, {"email": "rektor@skola.example.se", "website": "x"}]
)
def test_a_bad_address_or_a_filled_honeypot_sends_nothing(page, data):
    mailed = []
    response = _post(_view(page, mailed), **data)
    assert response.status_code == 200
    assert _soup(response).select_one("#error-summary[role=alert]")
    assert not _soup(response).select_one("[role=status]")
    assert mailed == []


def test_too_many_requests_for_one_address_get_the_shared_limit_answer(page):
    mailed = []
    view = _view(page, mailed, per_email=lambda self: "1/h")
    assert _post(view, "rektor@skola.example.se").status_code == 200
    refused = _post(view, "REKTOR@skola.example.se")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert _soup(refused).select_one("#rate-limited[role=alert]")
    assert _soup(refused).select_one("input[name=email]")["value"] == "REKTOR@skola.example.se"
    assert mailed == ["rektor@skola.example.se"]


def test_a_view_may_answer_a_limit_by_the_address_its_own_way(page):
    mailed = []
    view = _view(
        page,
        mailed,
        per_email=lambda self: "1/h",
        email_limited=lambda self, request, form: HttpResponse("skickad nyss"),
    )
    _post(view, "rektor@skola.example.se")
    again = _post(view, "rektor@skola.example.se")
    assert (again.status_code, again.content) == (200, b"skickad nyss")
    assert mailed == ["rektor@skola.example.se"]


def test_an_answer_before_the_form_is_not_cached_either(page):
    class Refusing(MailLinkView):
        template_name = page

        def dispatch(self, request, *args, **kwargs):
            return HttpResponse("inte medlem", status=403)

    response = Refusing.as_view()(RequestFactory().get("/"))
    assert response.status_code == 403
    assert "no-cache" in response["Cache-Control"]
