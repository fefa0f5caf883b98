"""kcsite.personnames: what looks like a person's name, and what does not."""

import pytest
from django import forms

from kcsite.forms import PublicFormMixin
from kcsite.personnames import NoPersonNamesFormMixin, find_person_names


@pytest.mark.parametrize(
    "text, names",
    [
        ("Mentor ringer Kalles vårdnadshavare", ["Kalles"]),  # a genitive
        ("The mentor calls Kalle's parents", ["Kalle's"]),  # an English one
        ("Om Ahmed i 7B är borta", ["Ahmed"]),
        ("Kontakta Anna Svensson", ["Anna", "Svensson"]),  # first name and surname
        ("Mohammed och Fatima i 9A", ["Mohammed", "Fatima"]),
        ("Anna-Karin ringer hem", ["Anna-Karin"]),
        ("Erik har varit borta. Hans mamma ringer.", ["Erik"]),  # begins a sentence, no word
        ("- Kalle ringer", ["Kalle"]),  # after a bullet (Kalle is not a form of "kall")
        ("Vi har Klara i åk 8", ["Klara"]),  # a word, but with a capital inside a sentence
        ("Ansvarig: Lisa", ["Lisa"]),  # a colon does not begin a sentence
        ("Registrera i Wilma samma dag", ["Wilma"]),  # a system: the visitor may tick it
        ("Kalle skolkar ofta", ["Kalle"]),  # "skolkar" is no school's name
    ],
)
def test_names_are_found(text, names):
    assert find_person_names(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Per vecka följer mentorn upp frånvaron.",  # "per", a word, begins the sentence
        "Klara mål och ansvar för varje steg.",
        "Inga namn i rutinen. Liv och hälsa.",  # very common words
        "Sven Eriksonsgymnasiet",  # a school's name
        "Astrid Lindgrens skola, F–6",
        "Mejla anna.svensson@boras.se eller se https://example.org/Anna",  # addresses
        "Rektor, mentor, kurator och EHT samma dag",
        "7 kap. 17 § skollagen",
        "ALI och BUP",  # capitals: abbreviations
        "ring kalle",  # no capital: not taken for a name
    ],
)
def test_words_places_and_schools_are_not_names(text):
    assert find_person_names(text) == []


class StepForm(NoPersonNamesFormMixin, PublicFormMixin, forms.Form):
    what = forms.CharField()
    email = forms.EmailField(required=False)


def test_a_form_refuses_a_name_until_the_visitor_says_it_is_not_one():
    form = StepForm({"what": "Registrera i Wilma och ring Kalle", "email": "kalle@x.se"})
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["what"]] == ["person_name"]
    assert "”Wilma”, ”Kalle”" in form.errors["what"][0]
    assert form.names_found == ["Wilma", "Kalle"]
    assert form.NOT_NAMES in [field.name for field in form.visible_fields()]
    # Ticking one of the two is not enough; ticking both is the visitor's word for it.
    ticked = {"what": "Registrera i Wilma och ring Kalle", "not_person_names": ["Wilma"]}
    form = StepForm(ticked)
    assert not form.is_valid() and "”Kalle”" in form.errors["what"][0]
    assert "Wilma" not in form.errors["what"][0]
    form = StepForm({**ticked, "not_person_names": ["Wilma", "Kalle"]})
    assert form.is_valid(), form.errors


def test_a_ticked_word_does_not_let_a_new_name_through():
    form = StepForm({"what": "Ring Ahmed", "not_person_names": ["Wilma"]})
    assert not form.is_valid() and "”Ahmed”" in form.errors["what"][0]


def test_without_names_the_boxes_are_not_shown():
    form = StepForm({"what": "Ring hem samma dag"})
    assert form.is_valid()
    assert form.NOT_NAMES not in [field.name for field in form.visible_fields()]
