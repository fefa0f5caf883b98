"""Public pages: the list with filters and search, the event page, the form, the signed link."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail, signing
from django.utils import timezone
from icalendar import Calendar

from events import home
from events.models import Registration

from .factories import event_index, links_to, make_event, register, translate_event

pytestmark = pytest.mark.django_db

S = Registration.Status


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def form_data(**overrides):
    data = {
        "name": "Anna Lind",
        "email": "anna.lind@skola.example.org",
        "organisation": "Sandwalls skola",
        "role": "Kurator",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def cards(soup, section):
    """{title: status} of the event cards in the list's section ``section`` (heading id)."""
    found = soup.select_one(f'section[aria-labelledby="{section}"]')
    if found is None:
        return {}
    return {
        card.select_one(".card__title").get_text(strip=True): card.select_one(
            ".events-status"
        ).get_text(strip=True)
        for card in found.select("li.events-card")
    }


def test_index_lists_upcoming_then_archive_with_cards(client):
    full = make_event(capacity=1, title="Fullsatt utbildning")
    register(full, 1)
    make_event(capacity=5, title="Öppen utbildning")
    make_event(title="Stängd utbildning", registration_closes=timezone.now() - timedelta(hours=1))
    make_event(title="Snart öppen", registration_opens=timezone.now() + timedelta(days=3))
    make_event(title="Genomförd utbildning", starts_in=-timedelta(days=30))
    soup = soup_of(client.get(event_index().url))
    headings = [h.get("id") for h in soup.select("main h2")]
    assert headings.index("upcoming-heading") < headings.index("archive-heading")
    upcoming = cards(soup, "upcoming-heading")
    assert upcoming == {
        "Fullsatt utbildning": "Fullt – väntelista",
        "Öppen utbildning": "Anmälan öppen · 5 platser kvar",
        "Stängd utbildning": "Anmälan stängd",
        "Snart öppen": "Anmälan har inte öppnat",
    }
    # The archive holds past events only.
    assert cards(soup, "archive-heading") == {"Genomförd utbildning": "Har varit"}


def titles(client, query):
    soup = soup_of(client.get(event_index().url + query))
    return set(cards(soup, "upcoming-heading"))


def test_index_filters_by_type_audience_format_and_month(client):
    gdq = make_event(
        title="GDQ-dag för elevhälsoteam",
        event_type="group_development",
        audience="pupil_health",
        starts_in=timedelta(days=70),
    )
    make_event(title="Samtalsmetodik", event_format="digital", audience="teachers")
    make_event(title="Kunskapsutbyte med socialtjänst och BUP", audience="ifo_bup")
    assert titles(client, "?typ=group_development") == {"GDQ-dag för elevhälsoteam"}
    assert titles(client, "?form=digital") == {"Samtalsmetodik"}
    assert titles(client, "?malgrupp=ifo_bup") == {"Kunskapsutbyte med socialtjänst och BUP"}
    month = timezone.localtime(gdq.first_occasion.start).strftime("%Y-%m")
    assert "GDQ-dag för elevhälsoteam" in titles(client, f"?manad={month}")
    assert "Samtalsmetodik" not in titles(client, f"?manad={month}")


def test_index_search_and_bad_filter_values_never_fail(client):
    make_event(
        title="Samtalsmetodik: omtankesamtalet",
        intro="För mentorer och lärare: att leda ett omtankesamtal med elev och vårdnadshavare.",
    )
    make_event(title="GDQ-dag för elevhälsoteam")
    assert titles(client, "?q=omtankesamtal") == {"Samtalsmetodik: omtankesamtalet"}
    response = client.get(event_index().url + "?typ=<script>&manad=2026-13&malgrupp=x&page=abc")
    assert response.status_code == 200


def test_event_page_never_shows_the_meeting_link(client):
    event = make_event(
        capacity=1, event_format="digital", meeting_link="https://meet.example.org/hemlig"
    )
    register(event, 1)
    html = client.get(event.url).content.decode()
    assert event.meeting_link not in html
    assert "Ställ dig på väntelistan" in html
    ics = client.get(event.ics_url()).content.decode()
    assert event.meeting_link not in ics


def test_register_says_a_mail_is_coming_and_the_mail_has_the_link(
    client, django_capture_on_commit_callbacks
):
    event = make_event(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.register_url(), form_data())
    assert response.status_code == 302
    registration = Registration.objects.get(event=event)
    assert registration.status == S.CONFIRMED
    assert registration.language == "sv"
    page = soup_of(client.get(response["Location"]))
    assert page.h1.get_text(strip=True) == "Titta i din e-post"
    assert "Vi skickar ett mejl" in page.select_one("[role=status]").get_text()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna.lind@skola.example.org"]
    assert mail.outbox[0].subject.startswith("Du är anmäld")
    assert links_to(registration, mail.outbox[0].body)


def test_full_event_offers_the_waitlist(client, django_capture_on_commit_callbacks):
    event = make_event(capacity=1)
    register(event, 1)
    html = client.get(event.register_url()).content.decode()
    assert "Ställ mig på väntelistan" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.register_url(), form_data())
    waiting = Registration.objects.get(event=event, email="anna.lind@skola.example.org")
    assert waiting.status == S.WAITLISTED
    assert client.get(response["Location"]).status_code == 200
    assert mail.outbox[-1].subject.startswith("Du står på väntelistan")
    page = client.get(waiting.manage_path()).content.decode()
    assert "plats 1 i kön" in page


def test_form_errors_keep_input_and_are_linked(client):
    event = make_event(capacity=2)
    response = client.post(event.register_url(), form_data(email="inte-en-adress", consent=""))
    assert response.status_code == 200
    soup = soup_of(response)
    summary = soup.select_one("#error-summary")
    assert summary is not None and summary.select_one('a[href="#id_email"]') is not None
    email = soup.select_one("input#id_email")
    assert email["aria-describedby"] == "id_email_helptext id_email_error"
    assert email["aria-invalid"] == "true"
    assert soup.select_one("#id_email_error") is not None
    assert soup.select_one("input#id_name")["value"] == "Anna Lind"
    assert not Registration.objects.filter(event=event).exists()


def test_personal_identity_number_and_honeypot_are_refused(client):
    event = make_event(capacity=2)
    response = client.post(event.register_url(), form_data(role="Mentor för 121212-1212"))
    assert "personnummer" in response.content.decode()
    response = client.post(event.register_url(), form_data(website="http://spam.example"))
    assert response.status_code == 200
    assert not Registration.objects.filter(event=event).exists()


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"registration_closes": timezone.now() - timedelta(hours=1)}, "stängd"),
        ({"starts_in": -timedelta(days=3)}, "redan varit"),
        ({"registration_opens": timezone.now() + timedelta(days=3)}, "inte öppnat"),
    ],
)
def test_closed_past_not_yet_show_message_and_post_changes_nothing(client, fields, text):
    event = make_event(capacity=2, **fields)
    response = client.get(event.register_url())
    assert text in response.content.decode()
    assert soup_of(response).select("main#main form") == []
    client.post(event.register_url(), form_data())
    assert not Registration.objects.filter(event=event).exists()


def test_signed_link_shows_changes_and_cancels(client, django_capture_on_commit_callbacks):
    event = make_event(capacity=1, ask_school_unit=True)
    first = register(event, 1)
    waiting = register(event, 2)
    url = first.manage_path()
    html = client.get(url).content.decode()
    assert "Person 1" in html
    response = client.post(
        url,
        {
            "action": "change",
            "version": str(first.version),
            "name": "Ny Person",
            "organisation": "Skola",
            "role": "Rektor",
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.name == "Ny Person"
    # The old link shows the current state; an action without the current version does nothing.
    old = client.get(url).content.decode()
    assert "Ny Person" in old
    client.post(url, {"action": "cancel"})
    first.refresh_from_db()
    assert first.status == S.CONFIRMED
    # The old link still cancels with the version it shows; the waitlist moves up.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "cancel", "version": str(first.version)})
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.status == S.CANCELLED
    assert waiting.status == S.CONFIRMED


def test_tampered_or_expired_link_changes_nothing(client, settings):
    event = make_event(capacity=2)
    reg = register(event, 1)
    token = reg.manage_token()
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.post(f"/evenemang/anmalan/{tampered}/", {"action": "cancel"})
    assert response.status_code == 400
    assert "ogiltig" in response.content.decode()
    forged = signing.dumps({"r": reg.pk, "v": reg.version}, salt="another.salt")
    assert client.post(f"/evenemang/anmalan/{forged}/", {"action": "cancel"}).status_code == 400
    settings.EVENTS_LINK_MAX_AGE_DAYS = -1
    response = client.post(f"/evenemang/anmalan/{token}/", {"action": "cancel"})
    assert response.status_code == 400
    assert "för gammal" in response.content.decode()
    reg.refresh_from_db()
    assert reg.status == S.CONFIRMED


def test_meeting_link_only_for_confirmed_on_the_signed_page(client):
    event = make_event(
        capacity=1, event_format="digital", meeting_link="https://meet.example.org/x"
    )
    confirmed = register(event, 1)
    waiting = register(event, 2)
    assert "https://meet.example.org/x" in client.get(confirmed.manage_path()).content.decode()
    assert "https://meet.example.org/x" not in client.get(waiting.manage_path()).content.decode()


def test_feeds_list_public_events_and_filter_by_type(client):
    make_event(title="GDQ-dag för elevhälsoteam", event_type="group_development")
    make_event(title="Samtalsmetodik: omtankesamtalet", occasions=_two_occasions())
    feed_url = event_index().feed_url()
    calendar = Calendar.from_ical(client.get(feed_url).content)
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert sorted(summaries) == [
        "GDQ-dag för elevhälsoteam",
        "Samtalsmetodik: omtankesamtalet",
        "Samtalsmetodik: omtankesamtalet",
    ]
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids))
    response = client.get(feed_url + "group_development/")
    assert response["Content-Type"].startswith("text/calendar")
    typed = Calendar.from_ical(response.content)
    assert {str(e["SUMMARY"]) for e in typed.walk("VEVENT")} == {"GDQ-dag för elevhälsoteam"}
    assert client.get(feed_url + "okand/").status_code == 404
    draft = make_event(publish=False, title="Utkast som inte syns")
    assert draft.title not in client.get(feed_url).content.decode()


def _two_occasions():
    start = timezone.now().replace(microsecond=0) + timedelta(days=20)
    return [
        (start, start + timedelta(hours=3)),
        (start + timedelta(days=7), start + timedelta(days=7, hours=3)),
    ]


def test_home_page_shows_next_three_events(client):
    for days in (5, 6, 7, 8):
        make_event(starts_in=timedelta(days=days))
    section = soup_of(client.get("/")).select_one('section[aria-labelledby="home-events-heading"]')
    assert section.select_one("#home-events-heading").get_text(strip=True) == (
        "Kommande utbildningar och träffar"
    )
    assert len(section.select(".card.events-card")) == 3


def test_english_pages(client):
    event = make_event(title="Samtalsmetodik: omtankesamtalet")
    english = translate_event(event, title="Conversation methods: the care conversation")
    soup = soup_of(client.get("/en/trainings/"))
    assert set(cards(soup, "upcoming-heading")) == {"Conversation methods: the care conversation"}
    response = client.get(english.url)
    assert response.status_code == 200
    assert english.url.startswith("/en/trainings/")


def test_home_area_shows_the_next_three_events_and_their_list(rf):
    """The home page's events area (the ``home_page_areas`` hook): the next three upcoming
    events, soonest first, with a link to their list; no area without upcoming events."""
    request = rf.get("/")
    assert home.home_area(request, event_index()) is None
    make_event(starts_in=-timedelta(days=1))
    later = [make_event(starts_in=timedelta(days=days)) for days in (9, 3, 5, 12)]
    area = home.home_area(request, event_index())
    assert [card["page"] for card in area["cards"]] == [later[1], later[2], later[0]]
    assert area["index_page"] == event_index()
    assert area["template"] == "events/home_area.html"
