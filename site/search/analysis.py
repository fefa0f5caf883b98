"""Swedish query analysis for every search of the site (the site search ``/sok/`` and the apps'
own searches, such as the method finder).

The visitor's words are turned into a Wagtail search query *before* it reaches a backend, so the
search cluster, PostgreSQL and SQLite all get the same help, from the Swedish lexicon in
``kcsite.search.lexicon`` (hunspell-sv and wordfreq) rather than from lists written for the demo:

* question words and other function words drop out (``hur kan lärare upptäcka tidiga tecken på
  frånvaro`` → ``lärare upptäcka tidiga tecken frånvaro``); each remaining word is a *concept*;
* each concept also matches the forms of the same word that the site uses (``kartläggningen`` →
  ``kartläggning``, via the dictionary's inflection rules, and ``kartlägga`` ↔
  ``kartläggning``), ASCII spellings (``narvaro`` → ``närvaro``) and, for a word that is not
  Swedish, close spellings (``kartlägning`` → ``kartläggning``);
* compound words are split into their parts (``frånvarokartläggning`` → ``frånvaro``,
  ``kartläggning``), the same split that indexes every method's compounds (``compound_parts``);
* editors' synonyms (``skolk`` ↔ ``ogiltig frånvaro``, ``EHT`` ↔ ``elevhälsoteam``) and the
  phrases apps contribute (``kc_search_phrases``: English words on the English side) are further
  alternatives of the concept they name.

``build_query`` gives ``Or(all concepts present, any concept present)``; ``analyse`` also gives
each concept's own query, which ``kcsite.search.services.search_ranked`` uses to rank hits that
match more of the concepts first and to tell strong matches from weak ones.
"""

from dataclasses import dataclass
from functools import cached_property

from wagtail.search.query import And, Fuzzy, Or, PlainText

from . import lexicon
from .contributions import phrase_matches
from .vocabulary import FUZZY_MIN_LENGTH, alternatives, is_unknown, synonym_groups, vocabulary
from .words import STOPWORDS, fold, split_compound, words_of

MAX_WORDS = 8


@dataclass
class Concept:
    """One thing the visitor asks for: its alternatives (each a tuple of words that must all be
    present) and its Wagtail query."""

    label: str
    alternatives: list

    @property
    def query(self):
        clauses = [
            PlainText(" ".join(words), operator="and") if len(words) > 1 else PlainText(words[0])
            for words in self.alternatives
        ]
        return Or(clauses) if len(clauses) > 1 else clauses[0]

    @cached_property
    def folded_alternatives(self):
        return [tuple(fold(word) for word in words) for words in self.alternatives]

    def matches(self, terms):
        """Whether a text whose ``index_terms`` are ``terms`` holds this concept."""
        return any(all(word in terms for word in words) for words in self.folded_alternatives)


_SYNONYM_TERMS = [None, []]  # the synonym groups last seen, and their folded terms


def _synonym_terms():
    """Every editors' synonym term, folded and split into words, longest first, with its group
    (worked out again only when the groups change)."""
    groups = synonym_groups()
    if _SYNONYM_TERMS[0] is not groups:
        terms = ((fold(term).split(), group) for group in groups for term in group)
        _SYNONYM_TERMS[:] = [groups, sorted(terms, key=lambda item: -len(item[0]))]
    return _SYNONYM_TERMS[1]


def _synonym_matches(words):
    """``(start, length, group)`` for each editors' synonym term found in ``words`` (longest
    terms first, no overlaps)."""
    folded = [fold(word) for word in words]
    terms = _synonym_terms()
    taken = set()
    found = []
    for term_words, group in terms:
        size = len(term_words)
        for start in range(len(folded) - size + 1):
            span = set(range(start, start + size))
            if folded[start : start + size] == term_words and not span & taken:
                taken |= span
                found.append((start, size, group))
    return found


def analyse(text):
    """The concepts of the visitor's ``text``: its content words (function words dropped),
    each with its forms, compound parts and synonyms; a synonym of several words is one
    concept."""
    words = words_of(text)
    if not words:
        return []
    vocab = vocabulary()
    spans = {start: (size, group) for start, size, group in _synonym_matches(words)}
    taken = {i for start, (size, _group) in spans.items() for i in range(start, start + size)}
    for start, size, terms in phrase_matches(words):  # English words reach Swedish methods
        if not taken & set(range(start, start + size)):
            spans[start] = (size, terms)
    concepts = []
    position = 0
    while position < len(words):
        if position in spans:
            size, group = spans[position]
            label = " ".join(words[position : position + size])
            alternatives = [tuple(words[position : position + size])]
            for term in group:
                term_words = tuple(words_of(term))
                if term_words and term_words not in alternatives:
                    alternatives.append(term_words)
            for term_words in list(alternatives):
                if len(term_words) == 1:
                    alternatives += alternatives_for(term_words[0], vocab)
            if size > 1 or label not in STOPWORDS:
                concepts.append(Concept(label, list(dict.fromkeys(alternatives))))
            position += size
            continue
        word = words[position]
        position += 1
        if word in STOPWORDS:
            continue
        concepts.append(Concept(word, _with_corrected_synonyms(word, vocab)))
    if not concepts:  # only function words: search for them as they are
        concepts = [Concept(word, [(word,)]) for word in dict.fromkeys(words)]
    concepts = [Concept(c.label, _content_alternatives(c.alternatives)) for c in concepts]
    unique = {}
    for concept in concepts:
        unique.setdefault(concept.label, concept)
    return list(unique.values())[:MAX_WORDS]


def _with_corrected_synonyms(word, vocab):
    """A word's alternatives; a misspelt word means what its corrections mean, so the editors'
    synonyms of a corrected spelling are alternatives too (``hemmasitare`` → ``hemmasittare``
    → ``långvarig frånvaro``)."""
    found = alternatives_for(word, vocab)
    if len(found) < 2 or not is_unknown(word, vocab):
        return found
    for corrected in [words for words in found[1:] if len(words) == 1]:
        for _start, _size, group in _synonym_matches(list(corrected)):
            found += [tuple(words_of(term)) for term in group]
    return list(dict.fromkeys(words for words in found if words))


def relax(concepts):
    """The query with each compound word asked as its parts, each a concept of its own
    (``vikariebrist`` → ``vikarie``, ``brist``), asked when nothing holds the query as it is:
    objects holding some of the parts are found, ranked by how much of the query they cover.
    None when the query has no compound word."""
    relaxed, vocab = [], None
    for concept in concepts:
        parts = [] if " " in concept.label else split_compound(concept.label)
        parts = [part for part in parts if part not in STOPWORDS]
        if len(parts) < 2:
            relaxed.append(concept)
            continue
        vocab = vocab or vocabulary()
        for part in parts:
            relaxed.append(Concept(part, _content_alternatives(alternatives_for(part, vocab))))
    if len(relaxed) == len(concepts):
        return None
    unique = {}
    for concept in relaxed:
        unique.setdefault(concept.label, concept)
    return list(unique.values())[:MAX_WORDS]


def _content_alternatives(alternatives):
    """Alternatives of several words without their function words (``kartläggning av
    frånvaro`` needs ``kartläggning`` and ``frånvaro``)."""
    cleaned = []
    for words in alternatives:
        content = tuple(w for w in words if w not in STOPWORDS) if len(words) > 1 else words
        if len(content) < min(2, len(words)):
            continue  # "inte kommer till skolan" is not "skolan"
        if content not in cleaned:
            cleaned.append(content)
    return cleaned or alternatives[:1]


def alternatives_for(word, vocab):
    """A word's forms (``alternatives``), each a one-word alternative, and, for a compound
    the site does not use as such, its parts as one alternative that needs them all
    (``frånvarokartläggning`` → ``frånvaro`` and ``kartläggning``). A compound the site uses
    needs no such help: every method's compounds are indexed with their parts."""
    forms = alternatives(word, vocab)
    found = [(form,) for form in forms]
    if len(forms) == 1 and fold(word) not in vocab["folded"]:
        parts = [part for part in split_compound(word) if part not in STOPWORDS]
        if len(parts) > 1:
            # the last part in its base form, as ``compound_terms`` indexes it
            bases = sorted(lexicon.lemmas(parts[-1]), key=lexicon.zipf, reverse=True)
            parts[-1] = bases[0] if bases else parts[-1]
            found.append(tuple(parts))
    return found


def build_query(text, *, fuzzy=False, all_words_clause=True, concepts=None):
    """A Wagtail search query for the visitor's ``text`` (None when it has no words).

    ``all_words_clause=False`` leaves out the clause that ranks documents with every concept
    first, for SQLite: its backend scores a conjunction as the product of ``1 + bm25`` of the
    parts, and as SQLite's bm25 is negative, that turns the ranking upside down; its plain bm25
    of the whole match already favours documents that hold more of the words."""
    concepts = analyse(text) if concepts is None else concepts
    if not concepts:
        return None
    queries = [concept.query for concept in concepts]
    clauses = [And(queries) if len(queries) > 1 and all_words_clause else queries[0]]
    if len(queries) > 1:
        clauses.append(Or(queries))
    if fuzzy:
        long_words = [c.label for c in concepts if len(c.label) >= FUZZY_MIN_LENGTH]
        if long_words:
            clauses.append(Fuzzy(" ".join(long_words)))
    return Or(clauses) if len(clauses) > 1 else clauses[0]
