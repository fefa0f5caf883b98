"""E-mails and calendar files, reminders (once each) and retention (anonymise, counts survive)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from events.models import Registration, ReminderSent
from events.services import calendar, cancelling, registering, reminders, retention

from .factories import details, links_to, make_event, register

pytestmark = pytest.mark.django_db

S = Registration.Status


def ics_of(message):
    files = [(name, content) for name, content, _mime in message.attachments]
    assert len(files) == 1
    return files[0][0], Calendar.from_ical(files[0][1])


def test_confirmation_mail_swedish_text_html_and_valid_ics(django_capture_on_commit_callbacks):
    event = make_event(
        capacity=2, event_format="digital", meeting_link="https://meet.example.org/abc"
    )
    with django_capture_on_commit_callbacks(execute=True):
        reg = register(event, 1)
    message = mail.outbox[0]
    assert message.subject == f"Du är anmäld: {event.title}"
    html = message.alternatives[0][0]
    assert "Hej Person 1!" in message.body and "Hej Person 1!" in html
    assert links_to(reg, message.body) and links_to(reg, html)
    assert "https://meet.example.org/abc" in message.body  # a confirmed participant gets it
    name, calendar = ics_of(message)
    assert name.endswith(".ics")
    assert str(calendar["METHOD"]) == "PUBLISH"
    (vevent,) = calendar.walk("VEVENT")
    assert vevent.decoded("DTSTART") == event.first_occasion.start
    assert str(vevent["SUMMARY"]) == event.title
    text = vevent.to_ical().decode()
    # No personal data and no meeting link in a calendar entry.
    assert "Person 1" not in text and "person1@" not in text and "meet.example.org" not in text


def test_waitlist_mail_has_no_meeting_link_and_no_ics(django_capture_on_commit_callbacks):
    event = make_event(
        capacity=1, event_format="digital", meeting_link="https://meet.example.org/abc"
    )
    register(event, 1)
    with django_capture_on_commit_callbacks(execute=True):
        register(event, 2)
    message = mail.outbox[-1]
    assert "väntelistan" in message.subject
    assert "plats 1" in message.body
    assert "meet.example.org" not in message.body
    assert "meet.example.org" not in message.alternatives[0][0]
    assert message.attachments == []


def test_english_mails_and_cancellation_ics(django_capture_on_commit_callbacks):
    event = make_event(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        reg = registering.register(event, details(5), language="en")
    message = mail.outbox[-1]
    assert message.subject.startswith("You are registered")
    assert links_to(reg, message.body, language="en")
    _, first = ics_of(message)
    with django_capture_on_commit_callbacks(execute=True):
        cancelling.cancel(reg.pk, reg.version)
    message = mail.outbox[-1]
    assert message.subject.startswith("Cancelled")
    _, calendar = ics_of(message)
    assert str(calendar["METHOD"]) == "CANCEL"
    (cancelled,) = calendar.walk("VEVENT")
    (original,) = first.walk("VEVENT")
    assert str(cancelled["UID"]) == str(original["UID"])
    assert int(cancelled["SEQUENCE"]) > int(original["SEQUENCE"])
    assert str(cancelled["STATUS"]) == "CANCELLED"


def test_changed_time_bumps_the_calendar_sequence():
    event = make_event(capacity=3)
    before = Calendar.from_ical(calendar.event_calendar(event)).walk("VEVENT")[0]
    occasion = event.occasions.first()
    occasion.start += timedelta(hours=1)
    occasion.end += timedelta(hours=1)
    occasion.save()
    event.refresh_from_db()
    event.save_revision().publish()
    event.refresh_from_db()
    after = Calendar.from_ical(calendar.event_calendar(event)).walk("VEVENT")[0]
    assert str(after["UID"]) == str(before["UID"])
    assert int(after["SEQUENCE"]) == int(before["SEQUENCE"]) + 1


def test_reminders_are_sent_once_to_confirmed_only(django_capture_on_commit_callbacks, settings):
    settings.EVENTS_REMINDER_HOURS_BEFORE = 24
    event = make_event(capacity=1, starts_in=timedelta(hours=20))
    later = make_event(capacity=1, starts_in=timedelta(days=3))
    confirmed = register(event, 1)
    register(event, 2)  # waitlisted: no reminder
    register(later, 3)  # not due yet
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.send_due_reminders() == 1
    assert [m.to for m in mail.outbox] == [[confirmed.email]]
    assert mail.outbox[0].subject.startswith("Påminnelse")
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.send_due_reminders() == 0
        call_command("send_event_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
    assert ReminderSent.objects.filter(registration=confirmed).count() == 1


def test_a_reminder_that_cannot_be_sent_is_retried_not_lost(
    settings, django_capture_on_commit_callbacks
):
    from kcsite import mail as pipeline
    from tests.site.smtp_server import SMTPServer

    event = make_event(capacity=1, starts_in=timedelta(hours=5))
    registration = register(event, 1)
    with SMTPServer() as server:
        server.settings(settings)
        server.set_mode("refuse")
        with django_capture_on_commit_callbacks(execute=True):
            assert reminders.send_due_reminders() >= 1
        assert ReminderSent.objects.filter(registration=registration).count() == 1
        assert not server.received
        server.set_mode("accept")
        with django_capture_on_commit_callbacks(execute=True):
            pipeline.process_queue(now=timezone.now() + timedelta(hours=1))
        received = [
            m
            for m in server.received
            if registration.email in m["To"] and "Påminnelse" in str(m["Subject"])
        ]
        assert len(received) == 1
        with django_capture_on_commit_callbacks(execute=True):
            assert reminders.send_due_reminders() == 0  # recorded once, sent once


def test_retention_anonymises_after_the_period_and_counts_survive(settings):
    settings.EVENTS_RETENTION_DAYS = 365
    old = make_event(capacity=5, starts_in=-timedelta(days=400))
    recent = make_event(capacity=5, starts_in=-timedelta(days=30))
    for number, status in enumerate([S.ATTENDED, S.ATTENDED, S.NO_SHOW, S.CANCELLED]):
        Registration.objects.create(
            event=old,
            status=status,
            name=f"Gammal {number}",
            email=f"gammal{number}@skola.example.org",
            organisation="Sandwalls skola",
            role="Lärare",
            adaptations_other="sitta nära dörren",
        )
    Registration.objects.create(
        event=recent,
        status=S.ATTENDED,
        name="Ny",
        email="ny@skola.example.org",
        organisation="Skola",
        role="Lärare",
    )
    assert retention.anonymise_expired() >= 4
    rows = Registration.objects.filter(event=old)
    assert rows.count() == 4
    assert sorted(rows.values_list("status", flat=True)) == sorted(
        [S.ATTENDED, S.ATTENDED, S.NO_SHOW, S.CANCELLED]
    )
    for row in rows:
        assert row.name == row.email == row.role == row.adaptations_other == ""
        assert row.anonymised_at is not None
        assert row.organisation == "Sandwalls skola"
    kept = Registration.objects.get(event=recent)
    assert kept.name == "Ny" and kept.anonymised_at is None
    assert retention.anonymise_expired() == 0  # idempotent
    call_command(
        "anonymise_expired",
        only=["events.services.retention.anonymise_expired"],
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )
    assert Registration.objects.get(event=recent).name == "Ny"


def test_anonymised_registrations_get_no_mail(django_capture_on_commit_callbacks):
    event = make_event(capacity=1, starts_in=timedelta(hours=3))
    reg = register(event, 1)
    Registration.objects.filter(pk=reg.pk).update(anonymised_at=timezone.now(), email="")
    mail.outbox.clear()
    reminders.send_due_reminders()
    assert mail.outbox == []
