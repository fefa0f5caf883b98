"""How a visitor's word is widened to forms the site knows (no database needed)."""

import pytest

from methodbank.searching import fold, is_form_or_compound, stem

KNOWN = {fold(word) for word in ["team", "möte", "kontakt", "klimat", "kurator", "samtal"]}


@pytest.mark.parametrize(
    ("word", "candidate"),
    [
        ("kartläggning", "kartläggningen"),  # inflection
        ("kartlägga", "kartläggning"),  # same stem
        ("elevhälsa", "elevhälsan"),
        ("elevhälsa", "elevhälsoteam"),  # compound with a linking vowel
        ("överlämningar", "överlämningsmöte"),  # compound with a linking s
        ("föräldrarna", "föräldrakontakt"),
    ],
)
def test_forms_and_compounds_of_a_word_are_alternatives(word, candidate):
    word_stem = stem(fold(word))
    assert fold(candidate).startswith(word_stem)
    assert is_form_or_compound(fold(candidate), word_stem, KNOWN)


@pytest.mark.parametrize(
    ("word", "candidate"),
    [("skolk", "skolklimat"), ("skolk", "skolkurator"), ("mentor", "mentorerxyz")],
)
def test_a_longer_word_that_merely_starts_the_same_is_not(word, candidate):
    word_stem = stem(fold(word))
    assert not is_form_or_compound(fold(candidate), word_stem, KNOWN)
