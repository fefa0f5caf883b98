"""The public-form kit (kcsite.forms): one base, Django's aria rendering, one field template,
one error summary, and the safeguards every public form gets."""

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.contrib.auth.models import Group
from django.template.loader import render_to_string
from django.utils import translation

from kcsite.forms import EmailAddressField, PublicFormMixin

from .forms import VALID, ExampleForm, FilterForm


def soup(html):
    return BeautifulSoup(html, "html.parser")


def test_a_field_with_errors_points_at_its_help_text_and_errors():
    form = ExampleForm({**VALID, "name": ""})
    page = soup(form.render())
    field = page.select_one("input#id_name")
    assert field["aria-invalid"] == "true"
    assert field["aria-describedby"].split() == ["id_name_helptext", "id_name_error"]
    assert page.select_one("#id_name_helptext").get_text() == "Som på ditt id-kort."
    assert page.select_one("ul.errorlist#id_name_error li")
    wrapper = field.find_parent(class_="form-field")
    assert "form-field--error" in wrapper["class"]
    assert wrapper.select_one("label[for=id_name]").get_text(strip=True) == "Namn"


def test_a_valid_field_has_no_aria_invalid_and_only_its_help_text():
    form = ExampleForm({**VALID, "email": "nope"})
    page = soup(form.render())
    name = page.select_one("input#id_name")
    assert not name.has_attr("aria-invalid")
    assert name["aria-describedby"] == "id_name_helptext"
    email = page.select_one("input#id_email")
    assert email["aria-invalid"] == "true"
    assert email["aria-describedby"] == "id_email_error"


def test_choice_fields_are_fieldsets_described_by_help_and_errors():
    form = ExampleForm({**VALID, "topics": [], "time": ""})
    page = soup(form.render())
    topics = page.select_one("#id_topics_0").find_parent("fieldset")
    assert topics.legend.get_text(strip=True) == "Ämnen"
    assert topics["aria-describedby"].split() == ["id_topics_helptext", "id_topics_error"]
    boxes = topics.select("input[type=checkbox]")
    assert [box["id"] for box in boxes] == ["id_topics_0", "id_topics_1"]
    assert all(box["aria-invalid"] == "true" for box in boxes)
    assert [label["for"] for label in topics.select("label")] == ["id_topics_0", "id_topics_1"]
    radios = page.select_one("#id_time_0").find_parent("fieldset")
    assert radios["aria-describedby"] == "id_time_error"


def test_labels_mark_optional_fields_and_a_required_checkbox():
    with translation.override("sv"):
        page = soup(ExampleForm().render())
    phone_label = page.select_one("label[for=id_phone]")
    assert phone_label.select_one(".optional").get_text() == "(frivilligt)"
    assert page.select_one("label[for=id_name] .optional") is None
    consent = page.select_one("label[for=id_consent]")
    assert consent.select_one(".required").get_text() == "(obligatoriskt)"
    assert page.select_one("#id_consent").find_parent(class_="form-field__checkbox")
    filter_page = soup(FilterForm().render())
    assert filter_page.select_one("label[for=id_q] .optional") is None


def test_the_honeypot_is_rendered_apart_and_hidden_from_assistive_technology():
    page = soup(ExampleForm().render())
    honeypot = page.select_one("input[name=website]")
    assert honeypot.find_parent(class_="honeypot")["aria-hidden"] == "true"
    assert honeypot.find_parent(class_="form-field") is None
    assert "website" not in [field.name for field in ExampleForm().visible_fields()]
    assert soup(FilterForm().render()).select_one("[name=website]") is None


def test_a_filled_honeypot_refuses_the_form():
    form = ExampleForm({**VALID, "website": "http://spam.example"})
    assert not form.is_valid()
    assert form.has_error("website", code="honeypot")


def test_the_error_summary_links_each_error_to_its_field():
    form = ExampleForm({**VALID, "name": "", "topics": [], "time": ""})
    form.add_error(None, "Hela formuläret")
    page = soup(render_to_string("components/forms/error_summary.html", {"form": form}))
    summary = page.select_one("[data-error-summary]")
    assert summary["id"] == "error-summary"
    assert summary["role"] == "alert"
    assert summary["tabindex"] == "-1"
    assert summary["aria-labelledby"] == "error-summary-title"
    assert page.select_one("#error-summary-title").name == "h2"
    items = summary.select("li")
    assert items[0].get_text() == "Hela formuläret" and items[0].a is None
    assert [a["href"] for a in summary.select("a")] == ["#id_name", "#id_topics_0", "#id_time_0"]


def test_the_error_summary_takes_an_id_and_a_title_and_is_absent_without_errors():
    form = FilterForm({"q": "x"})
    form.is_valid()
    form.add_error("q", "Fel")
    html = render_to_string(
        "components/forms/error_summary.html",
        {"form": form, "summary_id": "kalkylator-fel", "summary_title": "Något behöver rättas"},
    )
    summary = soup(html).select_one("[data-error-summary]")
    assert summary["id"] == "kalkylator-fel"
    assert summary.h2["id"] == "kalkylator-fel-title"
    assert summary.h2.get_text() == "Något behöver rättas"
    assert not render_to_string(
        "components/forms/error_summary.html", {"form": ExampleForm()}
    ).strip()


def test_the_whole_form_renders_summary_honeypot_and_fields_once():
    page = soup(str(ExampleForm({**VALID, "name": ""})))
    assert len(page.select("[data-error-summary]")) == 1
    assert len(page.select("[name=website]")) == 1
    assert len(page.select("#id_name")) == 1


def test_character_counts_carry_the_label_in_the_visitors_language():
    with translation.override("sv"):
        page = soup(ExampleForm().render())
    message = page.select_one("textarea#id_message")
    assert message["data-character-count"] == "Tecken kvar:"
    assert message["maxlength"] == "200"
    assert not page.select_one("#id_name").has_attr("data-character-count")


@pytest.mark.parametrize(
    ("field", "value"),
    [("message", "Eleven 20120315-1234 är borta"), ("name", "Ada 120315-1234")],
)
def test_pupil_data_is_refused_field_by_field(field, value):
    form = ExampleForm({**VALID, field: value})
    assert not form.is_valid()
    assert form.has_error(field, code="personal_identity_number")
    assert list(form.errors) == [field]


def test_a_phone_number_in_a_phone_field_is_not_a_personal_number():
    form = ExampleForm({**VALID, "phone": "0311234567"})
    assert form.is_valid(), form.errors


def test_input_is_cleaned_before_validation():
    form = ExampleForm(
        {**VALID, "name": "Ada\u202e\u200b  Lovelace\n", "message": "Rad 1\r\nRad 2\x07"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == "Ada Lovelace"
    assert form.cleaned_data["message"] == "Rad 1\nRad 2"


def test_a_model_form_can_use_the_mixin():
    class GroupForm(PublicFormMixin, forms.ModelForm):
        class Meta:
            model = Group
            fields = ["name"]

    form = GroupForm({"name": ""})
    assert not form.is_valid()
    field = soup(form.render()).select_one("input#id_name")
    assert field["aria-invalid"] == "true"
    assert field["aria-describedby"] == "id_name_error"


def test_a_widget_of_several_inputs_is_a_fieldset_rendered_by_django():
    form = FilterForm({"q": "", "since_year": "2026", "since_month": "2", "since_day": "31"})
    page = soup(form.render())
    fieldset = page.select_one("#id_since_year").find_parent("fieldset")
    assert fieldset.legend.get_text(strip=True) == "Från"
    assert fieldset["aria-describedby"] == "id_since_error"
    selects = [select["id"] for select in fieldset.select("select")]
    assert sorted(selects) == ["id_since_day", "id_since_month", "id_since_year"]
    summary = soup(render_to_string("components/forms/error_summary.html", {"form": form}))
    assert summary.select_one("a")["href"] == f"#{selects[0]}"


def test_an_address_field_is_autofilled_and_no_longer_than_the_models_keep():
    class AddressForm(PublicFormMixin, forms.Form):
        email = EmailAddressField(help_text="Hit skickar vi kvittot.")
        other = EmailAddressField(label="Din e-postadress")

    too_long = "a" * 250 + "@example.se"
    form = AddressForm({"email": too_long, "other": "a@example.se"})
    page = soup(form.render())
    email = page.select_one("input#id_email")
    assert (email["type"], email["autocomplete"], email["maxlength"]) == ("email", "email", "254")
    assert page.select_one("label[for=id_email]").get_text(strip=True) == "E-post i tjänsten"
    assert page.select_one("label[for=id_other]").get_text(strip=True) == "Din e-postadress"
    assert set(form.errors) == {"email"}
