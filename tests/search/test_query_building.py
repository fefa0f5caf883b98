"""How a visitor's words are analysed with the Swedish lexicon (hunspell-sv + wordfreq)."""

import pytest

from kcsite.search import lexicon
from kcsite.search.words import STOPWORDS, related_lemmas, split_compound


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("skolfrånvaro", ("skola", "frånvaro")),  # skol- is the dictionary's compound form
        ("frånvarokartläggning", ("frånvaro", "kartläggning")),
        ("elevhälsoteamet", ("elevhälsa", "teamet")),  # linking -o, inflected last part
        ("trygghetsvandring", ("trygghet", "vandring")),  # linking -s
        ("veckouppföljning", ("vecka", "uppföljning")),
        ("morgonincheckning", ("morgon", "incheckning")),
        ("förskoleklass", ("förskola", "klass")),  # fewest parts, not för|skol|e|klass
    ],
)
def test_compounds_split_into_their_parts(word, parts):
    assert split_compound(word) == parts


@pytest.mark.parametrize(
    "word",
    ["utbildning", "vårdnadshavare", "kartläggning", "psykiatrisk", "kommunicera", "snarast"],
)
def test_words_that_are_not_compounds_of_common_parts_stay_whole(word):
    assert split_compound(word) == ()


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("kartläggningen", "kartläggning"),
        ("samtalen", "samtal"),
        ("föräldrarna", "förälder"),
        ("mentorer", "mentor"),
        ("anpassningarna", "anpassning"),
    ],
)
def test_inflected_forms_find_their_base_form(word, lemma):
    assert lemma in lexicon.lemmas(word)


def test_a_verb_and_its_noun_in_ning_are_related():
    assert "kartläggning" in related_lemmas("kartlägga")
    assert "kartlägga" in related_lemmas("kartläggningar")


def test_swedish_words_are_known_and_typos_are_not():
    assert lexicon.is_known("kartläggning") and lexicon.is_known("skolfrånvaron")
    assert lexicon.is_word("kartläggningen") and not lexicon.is_word("vårdnadshavre")
    assert not lexicon.is_known("kartlägning") and not lexicon.is_known("handlingsplam")


def test_question_words_are_function_words():
    assert {"hur", "vad", "varför", "när", "vem", "kan", "ska"} <= STOPWORDS
