"""The English → Swedish search glossary: English searches reach methods that exist only in
Swedish.

Editors keep the glossary as a snippet (:class:`methodbank.models.GlossaryTerm`); the shipped
file ``glossary_en_sv.txt`` seeds it. While the active language is English,
:func:`swedish_for_english` gives the Swedish words to look for as well, and the site's query
analysis (:func:`kcsite.search.analysis.analyse`, through the ``kc_search_phrases`` hook) makes
each English phrase one concept whose alternatives are the Swedish terms.
"""

from pathlib import Path

from django.db.models import Count, Max
from django.utils.translation import get_language

from kcsite.pages.caching import ProcessMemo

from .models import GlossaryTerm

GLOSSARY_FILE = Path(__file__).resolve().parent / "glossary_en_sv.txt"
MAX_PHRASES = 6
ENGLISH = "en"


def parse_glossary(text):
    """``[(english terms, swedish terms)]`` from lines ``english, … => svenska, …``."""
    rules = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if "=>" not in line:
            continue
        left, right = line.split("=>", 1)
        english = [term.strip().lower() for term in left.split(",") if term.strip()]
        swedish = [term.strip().lower() for term in right.split(",") if term.strip()]
        if english and swedish:
            rules.append((english, swedish))
    return rules


def default_glossary():
    return parse_glossary(GLOSSARY_FILE.read_text("utf-8")) if GLOSSARY_FILE.exists() else []


def seed_glossary(model, tally=None):
    """Create the shipped rules that are missing (an existing rule is never changed)."""
    created_count = 0
    for english, swedish in default_glossary():
        _obj, created = model.objects.get_or_create(
            english=", ".join(english), defaults={"swedish": ", ".join(swedish)}
        )
        created_count += created
        if tally:
            tally(created)
    return created_count


def _load(_version):
    """English phrase (a tuple of words) → Swedish terms, longest phrase first."""
    table = {}
    for term in GlossaryTerm.objects.all():
        swedish = GlossaryTerm.split(term.swedish)
        for english in GlossaryTerm.split(term.english):
            words = tuple(english.replace("-", " ").split())
            if words:
                table.setdefault(words, [])
                table[words] += [s for s in swedish if s not in table[words]]
    return sorted(table.items(), key=lambda item: len(item[0]), reverse=True)


def _version():
    return GlossaryTerm.objects.aggregate(n=Count("id"), t=Max("updated_at"))


_GLOSSARY = ProcessMemo(_load, _version)


def glossary_matches(words):
    """``(start, length, swedish terms)`` for each English glossary phrase in the query's
    ``words`` (longest phrases first, each word used once), or ``[]`` unless the active language
    is English. The query analysis treats each like an editors' synonym group: one concept that a
    method holds when it holds any of the Swedish terms."""
    if (get_language() or "").split("-")[0] != ENGLISH or not words:
        return []
    words = [word.lower() for word in words]
    used = [False] * len(words)
    found = []
    for phrase, swedish in _GLOSSARY.get():
        size = len(phrase)
        for start in range(len(words) - size + 1):
            if tuple(words[start : start + size]) == phrase and not any(used[start : start + size]):
                used[start : start + size] = [True] * size
                found.append((start, size, swedish[:MAX_PHRASES]))
    return found


def swedish_for_english(words):
    """The Swedish terms the glossary gives for the English ``words`` (see
    :func:`glossary_matches`), or ``[]`` unless the active language is English."""
    found = []
    for _start, _size, swedish in glossary_matches(words):
        found += [term for term in swedish if term not in found]
    return found[:MAX_PHRASES]


def reset_cache():
    _GLOSSARY.reset()
