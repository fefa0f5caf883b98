"""A page's view restrictions (its own and its ancestors'), remembered per process and content
generation.

Wagtail looks them up on every page view (two queries: the ancestors' ids, then their
restrictions), and the membership hook asks again for logged-in users. Every change that could
alter the answer bumps the content generation (a restriction saved or deleted, a page moved,
published or deleted: ``kcsite.pages.apps``), so the list is kept per generation; entries are
dropped after ``MAX_AGE`` seconds anyway, as the route memo's are, for a per-process cache that
does not see another worker's bump. Whether a request passes a restriction is still decided per
request (password in the session, login, groups looked up live).
"""

import copy
import time

from wagtail.models import PageViewRestriction

from .caching import generation

MAX_AGE = 30.0  # seconds
MAX_ENTRIES = 5000
_memo = {}


def view_restrictions(page, lookup):
    """The restrictions that apply to ``page`` as a query set whose rows are already loaded
    (``lookup()`` gives them when they are not remembered): iterating it or asking
    ``exists()`` costs no query; a further ``filter()`` or ``order_by()`` asks the database."""
    key = (generation(), page.pk)
    entry = _memo.get(key)
    if entry is None or time.monotonic() - entry[0] > MAX_AGE:
        if len(_memo) >= MAX_ENTRIES:
            _memo.clear()
        entry = _memo[key] = (time.monotonic(), list(lookup()))
    rows = entry[1]
    restrictions = PageViewRestriction.objects.filter(pk__in=[row.pk for row in rows])
    restrictions._result_cache = [copy.copy(row) for row in rows]
    restrictions._prefetch_done = True
    return restrictions
