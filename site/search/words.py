"""The word-level Swedish analysis shared by indexing and querying: folding, function words,
compound parts and base forms, each worked out once per word and process (from the lexicon in
``kcsite.search.lexicon``)."""

import re
import unicodedata
from functools import lru_cache

from . import lexicon
from .config import WORD_LISTS

WORD_RE = re.compile(r"\w+", re.UNICODE)


def _read_words(name):
    lines = (line.split("#", 1)[0].strip() for line in (WORD_LISTS / name).open(encoding="utf-8"))
    return frozenset(line for line in lines if line)


# Function words, question words and filler ("hur kan jag få tips om …") that drop out of a query.
STOPWORDS = _read_words("stopwords_sv.txt")


def fold(text):
    """Lowercase and strip accents: ``Närvaro`` → ``narvaro``."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words_of(text):
    return WORD_RE.findall((text or "").lower())


def split_compound(word):
    """The parts of a compound word (``skolfrånvaro`` → ``skola``, ``frånvaro``), from the
    lexicon; empty for a word that is not a compound."""
    return lexicon.split_compound(word)


@lru_cache(maxsize=100_000)
def compound_terms(word):
    """The parts of a compound word and the base forms of its last part, as indexed for every
    page that has a ``compound_parts`` field (the database backends do not stem:
    ``föräldraträffar`` must meet ``träff``). Worked out once per word and process."""
    parts = split_compound(word)
    terms = list(parts)
    if parts:
        terms += sorted(lexicon.lemmas(parts[-1]) - {parts[-1]})
    return tuple(terms)


def compound_parts(text):
    """The parts of the compound words of ``text`` with their base forms, space-separated
    (``föräldraträffarna`` → ``föräldra träffarna träff``): the ``compound_parts`` search field
    that lets the database backends (which cannot split compounds) find a page from a part of
    one of its compound words, as the search cluster's decompounder does."""
    found = []
    seen = set()
    for word in WORD_RE.findall(text.lower()):
        if word in seen:
            continue
        seen.add(word)
        for part in compound_terms(word):
            if part not in found:
                found.append(part)
    return " ".join(found)


def related_lemmas(word):
    """Base forms of ``word`` and of its nearest derivation: a verb and its noun in -ning
    (``kartlägga`` ↔ ``kartläggning``), as the dictionary lists them."""
    found = set(lexicon.lemmas(word))
    for lemma in list(found):
        if lemma.endswith("a"):
            noun = lemma[:-1] + "ning"
            if lexicon.lemmas(noun):
                found.add(noun)
        elif lemma.endswith("ning"):
            verb = lemma[:-4] + "a"
            if lexicon.lemmas(verb):
                found.add(verb)
    return found


@lru_cache(maxsize=100_000)
def word_terms(word):
    """A word, its base forms and the parts of its compound, folded (once per word)."""
    return frozenset(fold(term) for term in (word, *lexicon.lemmas(word), *compound_terms(word)))


@lru_cache(maxsize=20_000)
def index_terms(text):
    """The words of ``text`` with the parts of its compounds (for matching in Python); kept
    per process by text, so a page's title and summary are analysed once, not per query."""
    terms = set()
    for word in set(words_of(text)):
        terms |= word_terms(word)
    return frozenset(terms)


def clear_word_caches():
    """Forget every word's analysis (for measuring the cost with cold caches)."""
    for cached in (compound_terms, word_terms, index_terms):
        cached.cache_clear()
