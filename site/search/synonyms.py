"""The default Swedish synonym list (``wordlists/synonyms_sv.txt``, Solr format) for the admin."""

from .config import WORD_LISTS

SYNONYMS_FILE = WORD_LISTS / "synonyms_sv.txt"


def parse_solr_synonyms(text):
    """Groups of equivalent terms from Solr synonym rules.

    ``a, b, c`` makes the three equivalent; ``a, b => c`` is read as the group ``a, b, c``
    (the site applies every group in both directions). Comments start with ``#``.
    """
    groups = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        terms = []
        for side in line.split("=>"):
            terms += [term.strip().lower() for term in side.split(",") if term.strip()]
        terms = list(dict.fromkeys(terms))
        if len(terms) >= 2:
            groups.append(terms)
    return groups


def default_synonym_groups():
    if not SYNONYMS_FILE.exists():
        return []
    return parse_solr_synonyms(SYNONYMS_FILE.read_text("utf-8"))


def seed_synonyms(model, tally=None):
    """Create the default groups that are missing (an existing group is never changed)."""
    created_count = 0
    for group in default_synonym_groups():
        _obj, created = model.objects.get_or_create(terms=", ".join(group))
        created_count += created
        if tally:
            tally(created)
    return created_count
