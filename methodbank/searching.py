"""Swedish query building shared by the method finder and the site search (``/sok/``).

The visitor's words are turned into a Wagtail search query *before* it reaches a backend, so the
search cluster, PostgreSQL and SQLite all get the same help:

* Swedish stop words are dropped (``hur kartlägger man frånvaro`` → ``kartlägger frånvaro``);
* each word may also match close forms found in the site's own vocabulary: inflections sharing a
  stem (``kartlägga`` → ``kartläggning``), ASCII spellings (``narvaro`` → ``närvaro``) and, for
  words of five letters or more, close spellings (``kartlägning`` → ``kartläggning``);
* compound words are split into known parts (``frånvarokartläggning`` → ``frånvaro``,
  ``kartläggning``) using the shipped word list, which the cluster's decompounder also uses;
* editors' synonyms (``skolk`` ↔ ``ogiltig frånvaro``) add alternative phrasings.

The result is ``Or(all words present, any word present, synonym variants…)``: documents with
every concept rank first, yet a natural-language question still finds something. On the search
cluster, fuzzy clauses add the engine's own typo tolerance.
"""

import difflib
import hashlib
import re
import unicodedata
from functools import lru_cache

from django.core.cache import cache
from django.db.models import Count, Max
from wagtail.search.query import And, Fuzzy, Or, PlainText

from kcsite.pages.caching import ProcessMemo
from kcsite.search.config import read_word_list

from .glossary import swedish_for_english

WORD_RE = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 8
MAX_ALTERNATIVES = 6
FUZZY_MIN_LENGTH = 5
VOCABULARY_CACHE_SECONDS = 300

STOPWORDS = frozenset(
    [
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
# Inflectional endings tried (longest first) when looking for words sharing a stem.
SUFFIXES = sorted(
    [
        "a",
        "e",
        "en",
        "et",
        "er",
        "ar",
        "or",
        "na",
        "ne",
        "erna",
        "arna",
        "orna",
        "ens",
        "ets",
        "ers",
        "ars",
        "ade",
        "ande",
        "ande",
        "t",
        "at",
        "it",
        "ning",
        "ningen",
        "ningar",
        "ningarna",
        "ningens",
        "ande",
        "andet",
        "are",
        "aren",
        "arens",
    ],
    key=len,
    reverse=True,
)


def fold(text):
    """Lowercase and strip accents: ``Närvaro`` → ``narvaro``."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words_of(text):
    return WORD_RE.findall((text or "").lower())


@lru_cache(maxsize=1)
def compound_parts():
    """The shipped list of compound parts, longest first."""
    parts = {part for part in read_word_list("compound_parts_sv.txt") if len(part) >= 4}
    return tuple(sorted(parts, key=len, reverse=True))


@lru_cache(maxsize=50_000)
def split_compound(word):
    """Known parts of a compound word (empty if ``word`` is not a compound of known parts)."""
    word = word.lower()
    if len(word) < 7:
        return ()
    found = []
    for part in compound_parts():
        if (
            len(part) + 3 <= len(word)
            and part in word
            and part not in found
            and not any(part in longer for longer in found)
        ):
            found.append(part)
    return tuple(found)


# Endings that only inflect a word, beyond those ``stem`` removes.
INFLECTION_ENDINGS = frozenset(SUFFIXES) | {
    "n", "s", "ns", "r", "rs", "rna", "ts", "an", "ans", "arnas", "ernas", "ornas", "ors",
}  # fmt: skip
LINKING_LETTERS = frozenset("souea")


def is_form_or_compound(word, word_stem, known):
    """Whether ``word`` (which starts with ``word_stem``) is an inflection of it, or a compound
    that goes on — after at most four letters of ending and a linking letter — with a
    ``known`` word: ``elevhalsa`` → ``elevhalsoteam`` (``team``), ``overlamning`` →
    ``overlamningsmote`` (``mote``), but ``skolk`` → not ``skolklimat`` (``limat``)."""
    ending = word[len(word_stem) :]
    if not ending or ending in INFLECTION_ENDINGS or stem(word) == word_stem:
        return True
    for cut in range(min(len(ending), 5)):
        rest = ending[cut:]
        tails = (rest, rest[1:]) if rest[:1] in LINKING_LETTERS else (rest,)
        for tail in tails:
            if any(tail[:length] in known for length in range(4, len(tail) + 1)):
                return True
    return False


def stem(word):
    """A crude Swedish stem: the word without its longest known ending (at least 4 letters)."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


# --- vocabulary and synonyms (kept per process, rebuilt when content changes) ----------------


def _content_version():
    from wagtail.models import Page

    from .models import SearchSynonym

    pages = Page.objects.live().aggregate(n=Count("id"), t=Max("last_published_at"))
    synonyms = SearchSynonym.objects.aggregate(n=Count("id"), t=Max("updated_at"))
    return f"{pages['n']}:{pages['t']}:{synonyms['n']}:{synonyms['t']}"


def _build_vocabulary(synonyms):
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
    folded = {}
    for word in words:
        folded.setdefault(fold(word), set()).add(word)
    known_parts = set(folded) | {fold(part) for part in compound_parts()}
    return {
        "words": words,
        "folded": folded,
        "folded_list": sorted(folded),
        "known_parts": known_parts,
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
    compound_parts.cache_clear()
    split_compound.cache_clear()


# --- query analysis ----------------------------------------------------------------------------


def alternatives(word, vocab):
    """Forms of ``word`` found in the site's vocabulary: inflections, ASCII spellings, typos."""
    found = [word]
    folded_word = fold(word)
    for real in sorted(vocab["folded"].get(folded_word, ())):
        if real not in found:
            found.append(real)
    word_stem = stem(folded_word)
    if len(word_stem) >= 5:
        related = [
            w
            for w in vocab["folded_list"]
            if w.startswith(word_stem)
            and w != folded_word
            and is_form_or_compound(w, word_stem, vocab["known_parts"])
        ]
        for candidate in sorted(related, key=len)[:MAX_ALTERNATIVES]:
            for real in sorted(vocab["folded"][candidate]):
                if real not in found:
                    found.append(real)
    known = folded_word in vocab["folded"]
    if not known and len(word) >= FUZZY_MIN_LENGTH:
        for close in difflib.get_close_matches(folded_word, vocab["folded_list"], n=2, cutoff=0.8):
            for real in sorted(vocab["folded"][close]):
                if real not in found:
                    found.append(real)
    return found[: MAX_ALTERNATIVES + 1]


def corrections(text):
    """Close spellings of the words of ``text`` that the site does not know (for “Did you mean”)."""
    vocab = vocabulary()
    suggestion = []
    changed = False
    for word in words_of(text):
        folded_word = fold(word)
        if folded_word in vocab["folded"] or len(word) < 4:
            suggestion.append(word)
            continue
        close = difflib.get_close_matches(folded_word, vocab["folded_list"], n=1, cutoff=0.75)
        if close:
            suggestion.append(sorted(vocab["folded"][close[0]])[0])
            changed = True
        else:
            suggestion.append(word)
    return " ".join(suggestion) if changed else ""


def _concept_query(word, vocab):
    forms = alternatives(word, vocab)
    for part in split_compound(word):
        if part not in forms:
            forms.append(part)
    return Or([PlainText(form) for form in forms]) if len(forms) > 1 else PlainText(forms[0])


def _synonym_variants(core_text):
    """The query with each synonym it contains replaced by the other words of that group."""
    folded_query = f" {fold(core_text)} "
    variants = []
    for group in synonym_groups():
        for term in group:
            folded_term = fold(term)
            if f" {folded_term} " in folded_query:
                for other in group:
                    if other != term:
                        replaced = folded_query.replace(f" {folded_term} ", f" {fold(other)} ")
                        variants.append((other, replaced.strip()))
    return variants


def build_query(text, *, fuzzy=False, all_words_clause=True):
    """A Wagtail search query for the visitor's ``text`` (None when it has no words).

    ``all_words_clause=False`` leaves out the clause that ranks documents with every concept
    first, for SQLite: its backend scores a conjunction as the product of ``1 + bm25`` of the
    parts, and as SQLite's bm25 is negative, that turns the ranking upside down; its plain bm25
    of the whole match already favours documents that hold more of the words."""
    words = words_of(text)
    if not words:
        return None
    core = [word for word in words if word not in STOPWORDS] or words
    core = list(dict.fromkeys(core))[:MAX_WORDS]
    vocab = vocabulary()
    concepts = [_concept_query(word, vocab) for word in core]
    clauses = [And(concepts) if len(concepts) > 1 and all_words_clause else concepts[0]]
    if len(concepts) > 1:
        clauses.append(Or(concepts))
    for synonym, variant in _synonym_variants(" ".join(words))[:MAX_ALTERNATIVES]:
        variant_words = [w for w in words_of(variant) if w not in STOPWORDS]
        clauses.append(PlainText(synonym))
        if variant_words and variant_words != words_of(synonym):
            clauses.append(PlainText(" ".join(variant_words)))
    for swedish in swedish_for_english(words):  # on the English side: the Swedish words too
        clauses.append(PlainText(swedish))
    if fuzzy:
        long_words = [word for word in core if len(word) >= FUZZY_MIN_LENGTH]
        if long_words:
            clauses.append(Fuzzy(" ".join(long_words)))
    return Or(clauses) if len(clauses) > 1 else clauses[0]


def backend_supports_nested_fuzzy(backend):
    return "elasticsearch" in type(backend).__module__ or "opensearch" in type(backend).__module__
