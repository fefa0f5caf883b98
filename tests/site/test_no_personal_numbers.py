"""No personal numbers, full stop: every spelling of the issue is refused in every free-text
field of every public form and of what staff write; dates, phone numbers and reference
numbers pass. Search text is answered but stored and logged redacted; old statistics purged.
Runs on SQLite and, with DATABASE_URL=postgres://…, on PostgreSQL."""

import random
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from kcsite.privacy import (
    contains_personal_identity_number,
    find_personal_identity_numbers,
    redact_personal_identity_numbers,
)

# Shaped like a personal identity or coordination number: refused whatever the check digit.
REFUSED = {
    "twelve digits": "201001011234",
    "ten digits with dash": "100101-1234",
    "coordination number": "201001611234",
    "en dash (Word, Outlook)": "120314\u20132383",
    "minus sign": "120314\u22122383",
    "non-breaking hyphen": "120314\u20112383",
    "em dash": "120314\u20142383",
    "date with dashes, then dash": "2012-03-14-2383",
    "date with dashes, then space": "2012-03-14 2383",
    "groups with spaces": "12 03 14-2383",
    "zero-width space": "1203\u200b14-2383",
    "dot": "120314.2383",
    "slash": "120314/2383",
    "dotted date": "12.03.14-2383",
    "letter O for zero": "12O314-2383",
    "letter o for zero": "2o12o314-2383",
    "plus (over 100)": "121212+1212",
    "full-width digits": "\uff11\uff12\uff10\uff13\uff11\uff14-\uff12\uff13\uff18\uff13",
    "non-breaking space": "120314\u00a02383",
    "spaces around the dash": "120314 - 2383",
    "valid check digit": "19811218-9876",
}
# Must still pass.
ACCEPTED = {
    "mobile": "0701234567",
    "mobile, international": "+46 70 123 45 67",
    "mobile with dash": "070-123 45 67",
    "mobile, old area code": "0701-234567",
    "landline": "033-35 70 00",
    "reference number": "TD-2026-0014",
    "date": "2026-03-14",
    "date range": "2026-03-14\u20132026-03-16",
    "school year": "år 2024-2025, 12 % frånvaro",
    "future date and time": "2031-03-14 1400",
    "no such day": "991399-1234",
    "postcode and count": "501 80 Borås, 12 elever",
}


@pytest.mark.parametrize("text", REFUSED.values(), ids=REFUSED.keys())
def test_every_spelling_is_found_and_redacted(text):
    sentence = f"Eleven {text} har hög frånvaro"
    assert find_personal_identity_numbers(sentence) == [text]
    assert redact_personal_identity_numbers(sentence) == "Eleven [personnummer] har hög frånvaro"


@pytest.mark.parametrize("text", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_dates_phone_and_reference_numbers_pass(text):
    assert not contains_personal_identity_number(f"Ring {text} tack")


def _random_mobile(rng):
    prefix = rng.choice(["70", "72", "73", "76", "79"])
    rest = f"{rng.randrange(10**7):07d}"
    national = f"0{prefix}{rest}"
    return rng.choice(
        [
            national,
            f"0{prefix}-{rest[:3]} {rest[3:5]} {rest[5:]}",
            f"0{prefix}-{rest}",
            f"0{prefix} {rest[:3]} {rest[3:5]} {rest[5:]}",
            f"+46 {prefix} {rest[:3]} {rest[3:5]} {rest[5:]}",
            f"+46{prefix}{rest}",
            f"0046{prefix}{rest}",
        ]
    )


def test_no_random_mobile_number_is_taken_for_a_personal_number():
    rng = random.Random(13)
    numbers = [_random_mobile(rng) for _ in range(20_000)]
    refused = [n for n in numbers if contains_personal_identity_number(n)]
    assert refused == []


# -- every free-text field of every public form, and what staff write --------------------------


def _event_registration():
    from events.forms import RegistrationForm
    from tests.events.factories import make_event
    from tests.events.test_views import form_data

    event = make_event(capacity=5, ask_school_unit=True)
    return RegistrationForm, {"event": event}, form_data(school_unit="Skolenhet A")


def _event_change():
    from events.forms import DetailsForm
    from tests.events.factories import make_event
    from tests.events.test_views import form_data

    return DetailsForm, {"event": make_event(capacity=5)}, form_data()


def _support_request():
    from network.support.forms import SupportRequestForm
    from network.support.models import ServiceKind
    from tests.support.factories import form_data

    return SupportRequestForm, {"service_kind": ServiceKind.CONSULTATION}, form_data(time="contact")


def _support_addition():
    from network.support.forms import AddInformationForm

    return AddInformationForm, {}, {"text": "Vi har börjat med kartläggning."}


def _membership_application():
    from network.membership.forms import ApplicationForm
    from tests.membership.factories import application_data

    return ApplicationForm, {}, application_data()


def _membership_profile():
    from network.membership.forms import ProfileForm
    from tests.membership.factories import member

    someone = member()
    data = {
        "name": someone.name,
        "organisation_type": someone.organisation_type_id,
        "organisation": someone.organisation,
        "role": someone.role,
        "language": "sv",
    }
    return ProfileForm, {"instance": someone}, data


def _staff_participant_message():
    from events.forms import ParticipantMessageForm

    return (
        ParticipantMessageForm,
        {},
        {"subject": "Ny lokal", "message": "Vi ses i aula B.", "statuses": ["confirmed"]},
    )


def _staff_decision():
    from network.membership.forms import DecisionForm

    return DecisionForm, {}, {"reason": "Välkommen!"}


def _staff_triage():
    from network.support.forms import TransitionForm
    from network.support.models import State
    from tests.support.factories import support_request

    request = support_request()
    to_state = "declined" if "declined" in State.values else State.values[-1]
    data = {"expected_state": request.state, "to_state": to_state, "reason": "Passar inte."}
    return TransitionForm, {"support_request": request}, data


FORMS = {
    "events registration": (
        _event_registration,
        ["name", "organisation", "role", "school_unit", "adaptations_other", "email"],
    ),
    "events change": (_event_change, ["name", "organisation", "role", "adaptations_other"]),
    "support request": (_support_request, ["name", "phone", "organisation", "description"]),
    "support add information": (_support_addition, ["text"]),
    "membership application": (
        _membership_application,
        ["name", "organisation", "role", "motivation"],
    ),
    "membership profile": (_membership_profile, ["name", "organisation", "role"]),
    "staff: message to participants": (_staff_participant_message, ["subject", "message"]),
    "staff: decision to applicant": (_staff_decision, ["reason"]),
    "staff: triage reason": (_staff_triage, ["reason"]),
}
CASES = [(name, field) for name, (_build, fields) in FORMS.items() for field in fields]


def _value(field, text):
    if field == "email":
        return f"anna{text}@boras.se".replace(" ", "")
    return f"Om {text} tack"


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
@pytest.mark.parametrize(("form_name", "field"), CASES, ids=[f"{f}-{n}" for f, n in CASES])
def test_refused_in_every_free_text_field_and_the_rest_is_kept(form_name, field):
    build, _fields = FORMS[form_name]
    form_class, kwargs, data = build()
    assert form_class(data=data, **kwargs).is_valid(), form_class(data=data, **kwargs).errors
    for label, text in REFUSED.items():
        if field == "email" and not text.isascii():
            continue
        if field == "email" and not text.replace("-", "").isalnum():
            continue  # not an e-mail address at all: refused by the e-mail validation
        form = form_class(data={**data, field: _value(field, text)}, **kwargs)
        assert not form.is_valid(), label
        errors = form.errors.as_data()[field]
        assert [e.code for e in errors] == ["personal_identity_number"], (label, errors)
        assert "ta bort ”" in errors[0].messages[0], label
        assert list(form.errors) == [field], label  # nothing else is refused
        assert form[field].value() == _value(field, text)  # the input is kept


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
@pytest.mark.parametrize(
    "form_name", [n for n, (_b, f) in FORMS.items() if "email" not in f or len(f) > 1]
)
def test_dates_phone_and_references_pass_every_form(form_name):
    build, fields = FORMS[form_name]
    form_class, kwargs, data = build()
    for field in fields:
        if field == "email":
            continue
        for label, text in ACCEPTED.items():
            form = form_class(data={**data, field: f"Om {text}"[:40]}, **kwargs)
            assert form.is_valid(), (field, label, form.errors)


@pytest.mark.parametrize(
    ("model_path", "field"),
    [
        ("network.support.models.SupportRequest", "internal_notes"),
        ("network.support.models.SupportRequest", "state_reason"),
        ("network.membership.models.NetworkMessage", "subject"),
        ("network.membership.models.NetworkMessage", "body"),
        ("network.membership.models.MembershipApplication", "decision_message"),
        ("events.models.Registration", "name"),
        ("events.models.Registration", "adaptations_other"),
    ],
)
def test_what_staff_write_in_the_admin_is_checked_too(model_path, field):
    from django.core.exceptions import ValidationError
    from django.utils.module_loading import import_string

    model_field = import_string(model_path)._meta.get_field(field)
    for text in REFUSED.values():
        with pytest.raises(ValidationError):
            model_field.run_validators(f"Eleven {text}")
    model_field.run_validators("Ring 0701234567 om TD-2026-0014")


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
def test_staff_note_in_the_admin_edit_view_is_refused(admin_client):
    from network.support.models import SupportRequest
    from tests.support.factories import support_request

    request = support_request()
    url = f"/admin/support/requests/edit/{request.pk}/"
    assert admin_client.get(url).status_code == 200
    data = {"internal_notes": "Eleven 120314\u20132383", "assignee": "", "first_meeting_at": ""}
    response = admin_client.post(url, data)
    assert response.status_code == 200  # the form again, with the error
    assert "ta bort ”120314–2383”" in response.content.decode()
    assert SupportRequest.objects.get(pk=request.pk).internal_notes == ""


# -- search: answered, never stored or logged --------------------------------------------------


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
@pytest.mark.parametrize("url", ["/sok/", "/metodbank/"])
def test_search_with_a_number_is_answered_but_stored_redacted(client, url):
    from wagtail.contrib.search_promotions.models import Query

    from kcsite.search.models import SearchTermStat

    response = client.get(url, {"q": "närvaro 120314\u20132383"})
    assert response.status_code == 200
    stored = list(SearchTermStat.objects.values_list("query", flat=True)) + list(
        Query.objects.values_list("query_string", flat=True)
    )
    assert stored and not any("2383" in text for text in stored), stored
    assert any("[personnummer]" in text for text in stored)


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
def test_the_search_fallback_warning_is_redacted(settings, caplog, monkeypatch):
    from wagtail.models import Page

    from kcsite.search import services

    class Broken(Exception):
        pass

    def failing_backend(alias):
        class Backend:
            def search(self, query, queryset, **kwargs):
                raise Broken(f"cluster down while searching {query!r}")

        return Backend()

    monkeypatch.setattr(services, "search_backend", failing_backend)
    services.search(Page.objects.none(), "elev 120314-2383")
    assert "falling back" in caplog.text or "No search backend" in caplog.text
    assert "2383" not in caplog.text


PURGE = "kcsite.search.stats.purge_expired"


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
def test_purge_deletes_old_statistics_and_prints_a_summary(settings, capsys):
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
    from wagtail.models import Page

    from kcsite.search.models import SearchTermStat

    settings.SEARCH_STATS_RETENTION_DAYS = 180
    today = timezone.localdate()
    old, recent = today - timedelta(days=181), today - timedelta(days=10)
    SearchTermStat.objects.create(query="gammal", date=old, hits=3)
    SearchTermStat.objects.create(query="ny", date=recent, hits=1)
    gone = Query.objects.create(query_string="gammal fråga")
    QueryDailyHits.objects.create(query=gone, date=old, hits=2)
    kept = Query.objects.create(query_string="aktuell fråga")
    QueryDailyHits.objects.create(query=kept, date=old, hits=2)
    QueryDailyHits.objects.create(query=kept, date=recent, hits=1)
    promoted = Query.objects.create(query_string="kontakt")
    QueryDailyHits.objects.create(query=promoted, date=old, hits=5)
    SearchPromotion.objects.create(query=promoted, page=Page.objects.filter(depth=2).first())

    call_command("anonymise_expired", only=[PURGE])
    out = capsys.readouterr().out
    assert "1 report rows" in out and "3 daily hit rows" in out and "1 queries" in out
    assert list(SearchTermStat.objects.values_list("query", flat=True)) == ["ny"]
    assert not Query.objects.filter(pk=gone.pk).exists()
    assert Query.objects.filter(pk__in=[kept.pk, promoted.pk]).count() == 2
    assert QueryDailyHits.objects.filter(date__lt=today - timedelta(days=180)).count() == 0
    call_command("anonymise_expired", only=[PURGE])  # idempotent
    assert "0 report rows" in capsys.readouterr().out


@pytest.mark.django_db
@pytest.mark.usefixtures("app_pages")
def test_the_phone_field_takes_any_swedish_phone_number_however_it_is_typed():
    from network.support.forms import SupportRequestForm
    from network.support.models import ServiceKind
    from tests.support.factories import form_data

    rng = random.Random(31)
    numbers = [f"0{area}{rng.randrange(10**7):07d}" for area in ("31", "8", "70") for _ in range(5)]
    numbers += ["0311234567", "0812034567", "+46 (0)31 123 45 67", "0701234567"]
    for number in numbers:
        form = SupportRequestForm(
            form_data(time="contact", phone=number), service_kind=ServiceKind.CONSULTATION
        )
        assert form.is_valid(), (number, form.errors)
    # The same field still refuses a personal number that is not a phone number.
    form = SupportRequestForm(
        form_data(time="contact", phone="120314-2383"), service_kind=ServiceKind.CONSULTATION
    )
    assert not form.is_valid() and list(form.errors) == ["phone"]
