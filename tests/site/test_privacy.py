import pytest
from django import forms
from django.core.exceptions import ValidationError

from kcsite.privacy import (
    NoPupilDataFormMixin,
    find_personal_identity_numbers,
    validate_no_personal_identity_number,
)

# 811218-9876 and 19811218-9876 have a valid check digit (Skatteverket's example-style numbers)
VALID = [
    "811218-9876",
    "8112189876",
    "19811218-9876",
    "198112189876",
    "811218+9876",
    "Eleven 811218-9876 har hög frånvaro",
    "811278-9873",  # coordination number
    "811218-9875",  # a wrong check digit still identifies a child
    "8112189877",
]
INVALID = [
    "20811218-9876",
    "811318-9876",
    "123456-7890",
    "ring 033-35 70 00",
    "år 2024-2025, 12 % frånvaro",
    "TD-2026-0042",
    "0701234567",
]


@pytest.mark.parametrize("text", VALID)
def test_valid_numbers_are_found(text):
    assert find_personal_identity_numbers(text)


@pytest.mark.parametrize("text", INVALID)
def test_other_numbers_are_not_flagged(text):
    assert find_personal_identity_numbers(text) == []


def test_validator_message_points_to_the_right_channel():
    with pytest.raises(ValidationError) as error:
        validate_no_personal_identity_number("gäller 811218-9876")
    assert "samtycke" in str(error.value.messages[0])
    assert "ta bort ”811218-9876”" in str(error.value.messages[0])


class _Form(NoPupilDataFormMixin, forms.Form):
    name = forms.CharField()
    need = forms.CharField(widget=forms.Textarea)


def test_form_mixin_rejects_a_number_in_any_text_field():
    form = _Form(data={"name": "Anna 198112189876", "need": "Vi behöver stöd"})
    assert not form.is_valid()
    assert "name" in form.errors and "need" not in form.errors
    assert form.data["name"] == "Anna 198112189876"  # input kept for the error page
    assert _Form(data={"name": "Anna", "need": "Stöd för EHT"}).is_valid()
