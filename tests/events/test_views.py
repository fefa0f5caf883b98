"""Public pages: the list with filters and search, the event page, the form, the signed link."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail, signing
from django.utils import timezone

from events.models import EventPage, Registration

from .factories import make_event, register

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


def test_index_lists_upcoming_then_archive_with_cards(client):
    response = client.get("/utbildningar/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Kommande") < html.index("Tidigare evenemang")
    assert "Samtalsmetodik: omtankesamtalet" in html
    assert "Fullt – väntelista" in html  # the full demo training
    assert "platser kvar" in html
    assert "Anmälan stängd" in html
    assert "Anmälan har inte öppnat" in html
    # The archive holds past events only.
    archive = html[html.index("Tidigare evenemang") :]
    assert "Frånvarorutinen i praktiken" in archive


def test_index_filters_by_type_audience_format_and_month(client):
    html = client.get("/utbildningar/?typ=group_development").content.decode()
    assert "GDQ-dag för elevhälsoteam" in html
    assert "Samtalsmetodik" not in html
    html = client.get("/utbildningar/?form=digital").content.decode()
    assert "Samtalsmetodik" in html
    assert "GDQ-dag för elevhälsoteam" not in html
    html = client.get("/utbildningar/?malgrupp=ifo_bup").content.decode()
    assert "Kunskapsutbyte med socialtjänst och BUP" in html
    assert "GDQ-dag för elevhälsoteam" not in html
    gdq = EventPage.objects.get(slug="gdq-dag-for-elevhalsoteam", locale__language_code="sv")
    month = timezone.localtime(gdq.first_occasion.start).strftime("%Y-%m")
    html = client.get(f"/utbildningar/?manad={month}").content.decode()
    assert "GDQ-dag" in html


def test_index_search_and_bad_filter_values_never_fail(client):
    html = client.get("/utbildningar/?q=omtankesamtal").content.decode()
    assert "Samtalsmetodik: omtankesamtalet" in html
    assert "GDQ-dag för elevhälsoteam" not in html
    response = client.get("/utbildningar/?typ=<script>&manad=2026-13&malgrupp=x&page=abc")
    assert response.status_code == 200


def test_event_page_never_shows_the_meeting_link(client):
    event = EventPage.objects.get(slug="samtalsmetodik-omtankesamtalet", locale__language_code="sv")
    assert event.meeting_link
    html = client.get(event.url).content.decode()
    assert event.meeting_link not in html
    assert "Ställ dig på väntelistan" in html
    ics = client.get(event.ics_url()).content.decode()
    assert event.meeting_link not in ics


def test_register_shows_confirmation_and_sends_mail(client, django_capture_on_commit_callbacks):
    event = make_event(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.register_url(), form_data())
    assert response.status_code == 302
    registration = Registration.objects.get(event=event)
    assert registration.status == S.CONFIRMED
    assert registration.language == "sv"
    page = client.get(response["Location"])
    assert "Tack, du är anmäld!" in page.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna.lind@skola.example.org"]


def test_full_event_offers_the_waitlist(client):
    event = make_event(capacity=1)
    register(event, 1)
    html = client.get(event.register_url()).content.decode()
    assert "Ställ mig på väntelistan" in html
    response = client.post(event.register_url(), form_data())
    page = client.get(response["Location"]).content.decode()
    assert "Du står på väntelistan" in page
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


def test_duplicate_email_gives_a_clear_message_and_changes_nothing(client):
    event = make_event(capacity=2)
    register(event, 1, email="anna.lind@skola.example.org")
    response = client.post(event.register_url(), form_data(email="ANNA.LIND@skola.example.org"))
    assert response.status_code == 200
    assert "redan anmäld" in response.content.decode()
    assert Registration.objects.filter(event=event).count() == 1


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
    from icalendar import Calendar

    calendar = Calendar.from_ical(client.get("/utbildningar/kalender/").content)
    summaries = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    assert "GDQ-dag för elevhälsoteam" in summaries
    assert "Samtalsmetodik: omtankesamtalet" in summaries
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids))
    response = client.get("/utbildningar/kalender/group_development/")
    assert response["Content-Type"].startswith("text/calendar")
    typed = Calendar.from_ical(response.content)
    assert {str(e["SUMMARY"]) for e in typed.walk("VEVENT")} == {"GDQ-dag för elevhälsoteam"}
    assert client.get("/utbildningar/kalender/okand/").status_code == 404
    draft = make_event(publish=False, title="Utkast som inte syns")
    assert draft.title not in client.get("/utbildningar/kalender/").content.decode()


def test_home_page_shows_next_three_events(client):
    section = soup_of(client.get("/")).select_one('section[aria-labelledby="home-events-heading"]')
    assert section.select_one("#home-events-heading").get_text(strip=True) == (
        "Kommande utbildningar och träffar"
    )
    assert len(section.select(".card.events-card")) == 3


def test_english_pages(client):
    html = client.get("/en/trainings/").content.decode()
    assert "Upcoming" in html or "Kommande" in html
    response = client.get("/en/trainings/conversation-methods-the-care-conversation/")
    assert response.status_code == 200
