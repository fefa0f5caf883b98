"""Each language's translation catalogs merged as Django means to merge them.

Django keeps the catalogs of the installed apps apart only where their plural formulas differ
(``TranslationCatalog.update``), but its test compares a code object with a function and so
never merges. With every app's Swedish catalog apart (24 of them, nearly all
``plural=(n != 1)``), a message no catalog translates, which is every Swedish message of this
site, is a dictionary miss and a ``KeyError`` in each: some 8 µs per ``{% translate %}``, with
about 85 of them on a finder page.

:func:`merge_catalogs` folds each run of neighbouring catalogs with the same plural formula into
one dictionary, the first catalog's translation winning as before, so every lookup answers as it
did.
"""

from django.conf import settings
from django.utils.translation import trans_real


def merge_catalogs(language):
    """Merge ``language``'s catalogs in place; returns how many are left."""
    catalog = getattr(trans_real.translation(language), "_catalog", None)
    if not isinstance(catalog, trans_real.TranslationCatalog):
        return 0
    merged, plurals = [], []
    for entries, plural in zip(catalog._catalogs, catalog._plurals, strict=True):
        if plurals and plurals[-1].__code__ == plural.__code__:
            for key, value in entries.items():
                merged[-1].setdefault(key, value)  # the earlier catalog wins, as in a lookup
        else:
            merged.append(dict(entries))
            plurals.append(plural)
    catalog._catalogs, catalog._plurals = merged, plurals
    return len(merged)


def merge_all_catalogs():
    for code, _name in settings.LANGUAGES:
        merge_catalogs(code)
