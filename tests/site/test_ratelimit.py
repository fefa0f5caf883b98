"""Rate limits (kcsite.ratelimit): the client address behind trusted proxies only, counters
in the shared cache (the same tests on the in-memory cache and on Redis), and one answer."""

import pytest
from django.test import RequestFactory

from kcsite import ratelimit


def _request(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **headers)


def test_forged_forwarded_for_from_an_untrusted_peer_is_ignored(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert ratelimit.client_ip(_request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"
    settings.TRUSTED_PROXIES = []
    assert ratelimit.client_ip(_request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_a_trusted_proxys_header_is_used_read_from_the_right(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "127.0.0.1/32"]
    assert ratelimit.client_ip(_request("127.0.0.1", "198.51.100.7")) == "198.51.100.7"
    # The client may send its own X-Forwarded-For: nginx appends the real peer to it.
    forged_then_real = "1.2.3.4, 198.51.100.7, 10.1.2.3"
    assert ratelimit.client_ip(_request("127.0.0.1", forged_then_real)) == "198.51.100.7"
    # Without a header, or with garbage in it, the last address a trusted proxy vouched for.
    assert ratelimit.client_ip(_request("127.0.0.1")) == "127.0.0.1"
    assert ratelimit.client_ip(_request("127.0.0.1", "nonsense, 10.1.2.3")) == "10.1.2.3"


def test_ipv6_clients_are_counted_per_64():
    from django_ratelimit.core import _get_ip

    one = _get_ip(_request("2001:db8:1:2::10"))
    other = _get_ip(_request("2001:db8:1:2:ffff::1"))
    assert one == other == "2001:db8:1:2::"


@pytest.fixture(params=["locmem", pytest.param("redis", marks=pytest.mark.redis)])
def shared_cache(request, use_cache):
    """The rate-limit tests run on the in-memory cache and on the real Redis server that
    ``make test`` gives the services run as its cache (``CACHE_URL``; each run under its own
    key prefix, emptied before every test by the root conftest)."""
    if request.param == "locmem":
        use_cache(
            {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "ratelimit-tests",
            }
        )
        from django.core.cache import cache

        cache.clear()
    return request.param


def test_counts_per_email_and_a_ceiling_per_client(shared_cache, rate_limits):
    rate_limits(per_email="3/h", per_client="5/h")
    request = _request("198.51.100.20")
    assert [ratelimit.check(request, "t", email="a@x.se") for _ in range(3)] == [None] * 3
    limited = ratelimit.check(request, "t", email="A@X.se ")  # the same address
    assert limited.by == "email" and 0 < limited.retry_after <= 3600
    assert ratelimit.check(request, "t", email="b@x.se") is None  # 5th from this client
    assert ratelimit.check(request, "t", email="c@x.se").by == "client"
    assert ratelimit.check(_request("198.51.100.21"), "t", email="d@x.se") is None
    assert ratelimit.check(request, "other-form", email="a@x.se") is None  # per form


def test_a_cache_that_fails_never_blocks_a_form(use_cache, caplog):
    use_cache(
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    )
    assert ratelimit.check(_request("198.51.100.30"), "t", email="a@x.se") is None
    assert "not counted" in caplog.text


def test_production_refuses_a_per_process_cache():
    from tests.site.test_settings import _django

    result = _django(
        ["check"],
        DJANGO_ENV="production",
        SECRET_KEY="k3Y-" + "a9Zq" * 16,
        ALLOWED_HOSTS="kc.example.org",
        CACHE_URL="locmemcache://",
    )
    assert result.returncode != 0
    assert "CACHE_URL must name a shared cache" in result.stderr


def test_a_trusted_proxy_that_is_not_a_cidr_is_refused_at_start():
    from tests.site.test_settings import _django

    result = _django(["check"], TRUSTED_PROXIES="10.0.0.0/8,proxy.example.org")
    assert result.returncode != 0
    assert "TRUSTED_PROXIES" in result.stderr


# -- the journeys: only valid submissions count, one answer in every app -------------------


def _assert_the_one_answer(response):
    """429, Retry-After, the shared notice and no error summary; what was typed is kept."""
    from bs4 import BeautifulSoup

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    html = BeautifulSoup(response.content, "html.parser")
    notice = html.select_one("#rate-limited")
    assert notice is not None and notice.get("role") == "alert"
    assert "inte något fel du har gjort" in notice.get_text()
    assert html.select_one("#error-summary, .error-summary") is None
    return html


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
def test_200_registrations_from_one_client_with_different_addresses_are_all_taken(
    client, shared_cache, rate_limit_clock
):
    from events.models import Registration
    from tests.events.factories import make_event
    from tests.events.test_views import form_data

    event = make_event(capacity=250)
    for number in range(200):  # 200 in an hour
        rate_limit_clock(1_800_000_000.0 + 18 * number)
        response = client.post(event.register_url(), form_data(email=f"larare{number}@boras.se"))
        assert response.status_code == 302, number
    assert Registration.objects.filter(event=event).count() == 200


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
def test_30_registrations_from_one_address_are_stopped(client, shared_cache):
    from events.models import Registration
    from tests.events.factories import make_event
    from tests.events.test_views import form_data

    events = [make_event(capacity=5) for _ in range(30)]
    answers = [
        client.post(event.register_url(), form_data(email="samma@boras.se")).status_code
        for event in events
    ]
    assert answers == [302] * 10 + [429] * 20  # RATE_LIMIT_PER_EMAIL = 10/h
    assert Registration.objects.filter(email="samma@boras.se").count() == 10
    html = _assert_the_one_answer(
        client.post(events[-1].register_url(), form_data(email="samma@boras.se", name="Sist i kön"))
    )
    assert html.select_one("#id_name")["value"] == "Sist i kön"


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
def test_invalid_submissions_do_not_count(client, shared_cache, rate_limits):
    from tests.events.factories import make_event
    from tests.events.test_views import form_data

    rate_limits(per_client="3/h")
    event = make_event(capacity=10)
    for _ in range(10):
        response = client.post(event.register_url(), form_data(name="", email="fel@boras.se"))
        assert response.status_code == 200  # a mistake: the error summary, not a limit
    for number in range(3):
        response = client.post(event.register_url(), form_data(email=f"r{number}@boras.se"))
        assert response.status_code == 302
    _assert_the_one_answer(client.post(event.register_url(), form_data(email="r9@boras.se")))


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
def test_behind_a_trusted_proxy_each_client_has_its_own_ceiling(
    client, shared_cache, settings, rate_limits
):
    from tests.events.factories import make_event
    from tests.events.test_views import form_data

    rate_limits(per_client="2/h")
    settings.TRUSTED_PROXIES = ["127.0.0.1/32"]
    event = make_event(capacity=10)

    def post(email, forwarded, remote="127.0.0.1"):
        return client.post(
            event.register_url(),
            form_data(email=email),
            REMOTE_ADDR=remote,
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    assert post("a@boras.se", "198.51.100.1").status_code == 302
    assert post("b@boras.se", "198.51.100.1").status_code == 302
    assert post("c@boras.se", "198.51.100.1").status_code == 429
    assert post("d@boras.se", "198.51.100.2").status_code == 302  # another teacher
    # An untrusted peer cannot escape its ceiling by forging the header.
    assert post("e@boras.se", "192.0.2.1", remote="203.0.113.5").status_code == 302
    assert post("f@boras.se", "192.0.2.2", remote="203.0.113.5").status_code == 302
    assert post("g@boras.se", "192.0.2.3", remote="203.0.113.5").status_code == 429


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
def test_support_request_answers_the_same_way(client, rate_limits):
    from network.support.models import SupportRequest
    from tests.support import factories

    rate_limits(per_email="2/h")
    url = factories.service_page().request_url()
    for _ in range(2):
        assert client.post(url, factories.form_data(time="contact")).status_code == 302
    html = _assert_the_one_answer(
        client.post(url, factories.form_data(time="contact", name="Sist"))
    )
    assert html.select_one("#id_name")["value"] == "Sist"
    assert not SupportRequest.objects.filter(name="Sist").exists()


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
def test_membership_application_answers_the_same_way(client, rate_limits):
    from network.membership.models import MembershipApplication
    from tests.membership.factories import application_data

    rate_limits(per_client="2/h")
    for _ in range(2):
        assert client.post("/natverket/ansok/", application_data()).status_code == 302
    data = application_data()
    _assert_the_one_answer(client.post("/natverket/ansok/", data))
    assert not MembershipApplication.objects.filter(email=data["email"]).exists()


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
def test_a_flooded_member_is_told_a_link_was_sent_recently(client, shared_cache, mail_at_once):
    from bs4 import BeautifulSoup
    from django.core import mail

    from tests.membership.factories import member

    someone = member()
    mail.outbox.clear()
    answers = []
    for number in range(6):
        response = client.post(
            "/natverket/logga-in/",
            {"email": someone.email, "next": "", "website": ""},
            REMOTE_ADDR=f"10.0.0.{number}",
        )
        answers.append(response.status_code)
    assert answers == [302, 302, 302, 200, 200, 200]
    assert len(mail.outbox) == 3  # MEMBERSHIP_LOGIN_LINKS_PER_ADDRESS
    text = BeautifulSoup(response.content, "html.parser").select_one("main").get_text()
    assert "En länk skickades nyligen" in text
    # The same answer for an address that is not a member's: nothing is revealed.
    for _ in range(4):
        response = client.post(
            "/natverket/logga-in/", {"email": "okand@example.org", "next": "", "website": ""}
        )
    assert response.status_code == 200 and "En länk skickades nyligen" in response.text


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
def test_login_links_have_a_client_ceiling_with_the_one_answer(client, rate_limits):
    rate_limits(per_client="3/h")
    for number in range(3):
        data = {"email": f"x{number}@example.org", "next": "", "website": ""}
        assert client.post("/natverket/logga-in/", data).status_code == 302
    data = {"email": "x9@example.org", "next": "", "website": ""}
    _assert_the_one_answer(client.post("/natverket/logga-in/", data))
