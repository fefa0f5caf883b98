"""Swedish query analysis shared by the method finder and the site search (``/sok/``).

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
* editors' synonyms (``skolk`` ↔ ``ogiltig frånvaro``, ``EHT`` ↔ ``elevhälsoteam``) are further
  alternatives of the concept they name.

``build_query`` gives ``Or(all concepts present, any concept present)``; ``analyse`` also gives
each concept's own query, which ``kcsite.search.services.search_ranked`` uses to rank methods
that match more of the concepts first and to tell strong matches from weak ones.
"""

import difflib
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from django.core.cache import cache
from django.db.models import Count, Max
from wagtail.search.query import And, Fuzzy, Or, PlainText

from kcsite.pages.caching import ProcessMemo
from kcsite.search import lexicon

from .glossary import glossary_matches

WORD_RE = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 8
MAX_ALTERNATIVES = 6
FUZZY_MIN_LENGTH = 5
VOCABULARY_CACHE_SECONDS = 300

STOPWORDS = frozenset(
    [
        "kommer",
        "alla",
        "allt",
        "att",
        "av",
        "blev",
        "bli",
        "blir",
        "de",
        "dem",
        "den",
        "denna",
        "deras",
        "dess",
        "det",
        "detta",
        "dig",
        "din",
        "dina",
        "ditt",
        "du",
        "där",
        "efter",
        "ej",
        "eller",
        "en",
        "er",
        "era",
        "ert",
        "ett",
        "från",
        "för",
        "ha",
        "hade",
        "han",
        "hans",
        "har",
        "henne",
        "hennes",
        "hon",
        "honom",
        "hur",
        "här",
        "i",
        "icke",
        "ingen",
        "inom",
        "inte",
        "jag",
        "ju",
        "kan",
        "kunde",
        "man",
        "med",
        "mellan",
        "men",
        "mig",
        "min",
        "mina",
        "mitt",
        "mot",
        "mycket",
        "ni",
        "nu",
        "när",
        "någon",
        "något",
        "några",
        "och",
        "om",
        "oss",
        "på",
        "samma",
        "sedan",
        "sig",
        "sin",
        "sina",
        "sitta",
        "själv",
        "skulle",
        "som",
        "så",
        "sådan",
        "till",
        "under",
        "upp",
        "ut",
        "utan",
        "vad",
        "var",
        "vara",
        "varför",
        "varit",
        "varje",
        "vars",
        "vem",
        "vi",
        "vid",
        "vilka",
        "vilken",
        "vilket",
        "vår",
        "våra",
        "vårt",
        "än",
        "är",
        "åt",
        "över",
        "ska",
        "får",
        "gör",
        "göra",
        "finns",
        "kan",
        "vill",
        "jobba",
        "arbeta",
        "hjälp",
        "tips",
        "sätt",
        "bra",
    ]
)


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
    method (the database backends do not stem: ``föräldraträffar`` must meet ``träff``).
    Worked out once per word and process."""
    parts = split_compound(word)
    terms = list(parts)
    if parts:
        terms += sorted(lexicon.lemmas(parts[-1]) - {parts[-1]})
    return tuple(terms)


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
    per process by text, so a method's title and summary are analysed once, not per query."""
    terms = set()
    for word in set(words_of(text)):
        terms |= word_terms(word)
    return frozenset(terms)


def clear_word_caches():
    """Forget every word's analysis (for measuring the cost with cold caches)."""
    for cached in (compound_terms, word_terms, index_terms):
        cached.cache_clear()


# --- vocabulary and synonyms (kept per process, rebuilt when content changes) ----------------


def _content_version():
    from wagtail.models import Page

    from .models import SearchSynonym

    pages = Page.objects.live().aggregate(n=Count("id"), t=Max("last_published_at"))
    synonyms = SearchSynonym.objects.aggregate(n=Count("id"), t=Max("updated_at"))
    return f"{pages['n']}:{pages['t']}:{synonyms['n']}:{synonyms['t']}"


def _build_vocabulary(synonyms):
    """The words the site uses (titles, summaries, keywords, compound parts), by folded
    spelling and by base form."""
    from wagtail.models import Page

    from .models import MethodPage

    words = set()
    for row in MethodPage.objects.live().values_list("title", "summary", "keywords"):
        for text in row:
            words.update(words_of(text))
    for row in Page.objects.live().values_list("title", "search_description"):
        for text in row:
            words.update(words_of(text))
    for group in synonyms:
        for term in group:
            words.update(words_of(term))
    words = {word for word in words if len(word) >= 3 and not word.isdigit()}
    for word in list(words):
        words.update(part for part in split_compound(word) if len(part) >= 3)
    folded = {}
    by_lemma = {}
    by_part = {}
    for word in words:
        folded.setdefault(fold(word), set()).add(word)
        for lemma in lexicon.lemmas(word) or {word}:
            by_lemma.setdefault(lemma, set()).add(word)
        for part in split_compound(word):
            for lemma in lexicon.lemmas(part) or {part}:
                by_part.setdefault(lemma, set()).add(word)
    return {
        "words": words,
        "folded": folded,
        "folded_list": sorted(folded),
        "by_lemma": by_lemma,
        "by_part": by_part,
    }


def _load_synonyms():
    from .models import SearchSynonym

    return [synonym.term_list() for synonym in SearchSynonym.objects.all()]


def _load_search_data(version):
    """Synonyms and vocabulary, shared by the workers through the cache for one content
    ``version`` (building the vocabulary reads every live page's title)."""
    key = "methodbank:search:" + hashlib.md5(version.encode()).hexdigest()  # noqa: S324
    cached = cache.get(key)
    if cached is None:
        synonyms = _load_synonyms()
        cached = {"synonyms": synonyms, "vocabulary": _build_vocabulary(synonyms)}
        cache.set(key, cached, VOCABULARY_CACHE_SECONDS)
    return cached


_SEARCH_DATA = ProcessMemo(_load_search_data, _content_version)


def synonym_groups():
    return _SEARCH_DATA.get()["synonyms"]


def vocabulary():
    return _SEARCH_DATA.get()["vocabulary"]


def reset_caches():
    _SEARCH_DATA.reset()


# --- query analysis ----------------------------------------------------------------------------


def _add(found, words):
    for word in sorted(words):
        if word not in found:
            found.append(word)


def is_unknown(word, vocab):
    """Whether ``word`` may be a typo: not a word of the site, not a Swedish word, and not a
    compound of words the site uses (``vårdnadshavre`` is: the site has no ``havre``)."""
    if fold(word) in vocab["folded"] or lexicon.is_word(word):
        return False
    parts = split_compound(word)
    return not parts or not all(
        fold(part) in vocab["folded"] or part in vocab["by_lemma"] for part in parts
    )


def alternatives(word, vocab):
    """Forms of ``word`` found in the site's vocabulary: the same word inflected (by the
    lexicon's base forms), ASCII spellings, and close spellings of a word that is not Swedish."""
    found = [word]
    folded_word = fold(word)
    real_forms = set(vocab["folded"].get(folded_word, ())) | {word}
    _add(found, real_forms)
    compounds = set()
    for form in list(real_forms):
        for lemma in related_lemmas(form):
            _add(found, vocab["by_lemma"].get(lemma, ()))
            compounds |= vocab["by_part"].get(lemma, set())
    # the site's compounds with this word as a part (``närvaro`` → ``närvarorutin``), shortest
    # first: their title and summary matches count fully, not only their indexed parts
    for compound in sorted(compounds, key=lambda w: (len(w), w))[:MAX_ALTERNATIVES]:
        if compound not in found:
            found.append(compound)
    if len(found) == 1 and len(word) >= FUZZY_MIN_LENGTH and is_unknown(word, vocab):
        for close in difflib.get_close_matches(folded_word, vocab["folded_list"], n=2, cutoff=0.8):
            _add(found, vocab["folded"][close])
    return found[: 2 * MAX_ALTERNATIVES + 1]


def corrections(text):
    """Close spellings of the words of ``text`` that are neither Swedish nor the site's own
    (for "Did you mean"); the more common word wins between equally close ones."""
    vocab = vocabulary()
    suggestion = []
    changed = False
    for word in words_of(text):
        folded_word = fold(word)
        if len(word) < 4 or not is_unknown(word, vocab):
            suggestion.append(word)
            continue
        close = difflib.get_close_matches(folded_word, vocab["folded_list"], n=3, cutoff=0.75)
        if close:
            ratios = {c: difflib.SequenceMatcher(None, folded_word, c).ratio() for c in close}
            ties = [candidate for candidate in close if ratios[candidate] == ratios[close[0]]]
            best = max(ties, key=lambda c: max(lexicon.zipf(w) for w in vocab["folded"][c]))
            suggestion.append(sorted(vocab["folded"][best])[0])
            changed = True
        else:
            suggestion.append(word)
    return " ".join(suggestion) if changed else ""


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


def _synonym_matches(words):
    """``(start, length, group)`` for each editors' synonym term found in ``words`` (longest
    terms first, no overlaps)."""
    folded = [fold(word) for word in words]
    terms = sorted(
        ((fold(term).split(), group) for group in synonym_groups() for term in group),
        key=lambda item: -len(item[0]),
    )
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
    for start, size, swedish in glossary_matches(words):  # English words reach Swedish methods
        if not taken & set(range(start, start + size)):
            spans[start] = (size, swedish)
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
        concepts.append(Concept(word, alternatives_for(word, vocab)))
    if not concepts:  # only function words: search for them as they are
        concepts = [Concept(word, [(word,)]) for word in dict.fromkeys(words)]
    concepts = [Concept(c.label, _content_alternatives(c.alternatives)) for c in concepts]
    unique = {}
    for concept in concepts:
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


def backend_supports_nested_fuzzy(backend):
    return "elasticsearch" in type(backend).__module__ or "opensearch" in type(backend).__module__
