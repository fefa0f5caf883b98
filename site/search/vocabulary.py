"""The site's vocabulary and the editors' synonyms (kept per process, rebuilt when content
changes), and what the query analysis looks up in them: a word's forms on the site and close
spellings of a word that is neither Swedish nor the site's own."""

import difflib
import hashlib

from django.core.cache import cache
from django.db.models import Count, Max
from wagtail.models import Page

from kcsite.pages.caching import ProcessMemo

from . import lexicon
from .contributions import vocabulary_texts
from .models import SearchSynonym
from .words import fold, related_lemmas, split_compound, words_of

MAX_ALTERNATIVES = 6
FUZZY_MIN_LENGTH = 5
VOCABULARY_CACHE_SECONDS = 300


def _content_version():
    pages = Page.objects.live().aggregate(n=Count("id"), t=Max("last_published_at"))
    synonyms = SearchSynonym.objects.aggregate(n=Count("id"), t=Max("updated_at"))
    return f"{pages['n']}:{pages['t']}:{synonyms['n']}:{synonyms['t']}"


def _build_vocabulary(synonyms):
    """The words the site uses (titles, descriptions, what apps contribute, compound parts),
    by folded spelling and by base form."""
    words = set()
    for text in vocabulary_texts():
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
    return [synonym.term_list() for synonym in SearchSynonym.objects.all()]


def _load_search_data(version):
    """Synonyms and vocabulary, shared by the workers through the cache for one content
    ``version`` (building the vocabulary reads every live page's title)."""
    key = "search:vocabulary:" + hashlib.md5(version.encode()).hexdigest()  # noqa: S324
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
    # close spellings of a word that is not Swedish (a number is never a misspelling)
    may_be_typo = len(found) == 1 and len(word) >= FUZZY_MIN_LENGTH and word.isalpha()
    if may_be_typo and is_unknown(word, vocab):
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
        if len(word) < 4 or not word.isalpha() or not is_unknown(word, vocab):
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
