"""Each language's translation catalogs merged (``kcsite.catalogs``): fewer dictionaries to
look a message up in, and every message translated exactly as before."""

import pytest
from django.utils import translation
from django.utils.translation import trans_real

from kcsite.catalogs import merge_catalogs


@pytest.fixture
def fresh_translations():
    """Catalogs loaded anew, as Django builds them (unmerged); put back afterwards."""
    kept = dict(trans_real._translations)
    trans_real._translations.clear()
    yield
    trans_real._translations.clear()
    trans_real._translations.update(kept)


def _answers(catalog):
    """What the catalog answers for every message, and for each plural message at 0, 1, 2, 5."""
    keys = set(catalog.keys())
    plural_ids = {key[0] for key in keys if isinstance(key, tuple)}
    answers = {key: catalog[key] for key in keys}
    for msgid in plural_ids:
        for n in (0, 1, 2, 5):
            answers["plural", msgid, n] = catalog.plural(msgid, n)
    return answers


@pytest.mark.parametrize("language", ["sv", "en"])
def test_merged_catalogs_answer_every_message_as_before(fresh_translations, language):
    catalog = trans_real.translation(language)._catalog
    before, count = _answers(catalog), len(catalog._catalogs)
    assert merge_catalogs(language) < count  # Django had left same-formula neighbours apart
    assert _answers(catalog) == before


def test_the_site_runs_on_merged_catalogs():
    """Start-up merged them: no two neighbouring catalogs share a plural formula."""
    for language in ("sv", "en"):
        codes = [plural.__code__ for plural in trans_real.translation(language)._catalog._plurals]
        assert all(a != b for a, b in zip(codes, codes[1:])), language  # noqa: B905
    with translation.override("en"):
        assert translation.gettext("Sök") == "Search"
