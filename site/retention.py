"""The retention contract: every app forgets personal data the same way, run by one command.

Each app that keeps personal data (or logs that may hold it) for a limited time registers one
function with the Wagtail hook ``kc_retention``, in its ``wagtail_hooks.py``::

    from wagtail import hooks
    from kcsite import retention

    from . import services

    @hooks.register(retention.HOOK)
    def anonymise_registrations(now):
        \"\"\"Registrations of events that ended more than EVENTS_RETENTION_DAYS ago.\"\"\"
        return services.anonymise_expired(now)

The function
    * takes ``now`` (an aware datetime: the one moment the whole run uses) and computes its own
      cut-off from its own setting (``EVENTS_RETENTION_DAYS``, ``SUPPORT_RETENTION_MONTHS`` …);
    * returns what it did: a number (rows anonymised or deleted) or a :class:`Summary` (a
      number and a sentence, e.g. several kinds of rows);
    * is idempotent (running it twice forgets nothing twice) and keeps its side effects in
      the database or behind ``transaction.on_commit``, so ``--dry-run`` (run, report, roll
      back) changes nothing.

``manage.py anonymise_expired`` (nightly, from cron) runs every registered function in
registration order (``@hooks.register(retention.HOOK, order=…)`` to change it), prints one
line per function and a total; ``--dry-run`` reports what would go; ``--only NAME`` runs one
(the name is ``<app>.<function>``, e.g. ``events.anonymise_registrations``). A function that
fails does not stop the others; the command then ends with an error.

``kcsite`` imports no app: it only knows the hook.
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from wagtail import hooks

logger = logging.getLogger(__name__)

HOOK = "kc_retention"


@dataclass(frozen=True)
class Summary:
    """What one retention function did: ``count`` rows, described by ``detail``."""

    count: int
    detail: str = ""

    def __str__(self):
        return f"{self.count} ({self.detail})" if self.detail else str(self.count)


@dataclass(frozen=True)
class Outcome:
    """One function's run: its ``name``, a :class:`Summary`, or the ``error`` it raised."""

    name: str
    summary: Summary | None = None
    error: Exception | None = None


def name_of(function):
    """``<app>.<function>``: the function's module without ``.wagtail_hooks``."""
    module = function.__module__.removesuffix(".wagtail_hooks")
    return f"{module}.{function.__name__}"


def registered():
    """The registered retention functions, by name, in registration order."""
    return {name_of(function): function for function in hooks.get_hooks(HOOK)}


def _summary(result):
    if isinstance(result, Summary):
        return result
    return Summary(count=int(result or 0))


class _RolledBack(Exception):
    """Leaves the dry run's transaction, undoing what the function did."""


def run_one(name, function, now, *, dry_run=False):
    """Run one retention function in its own transaction (rolled back on a dry run)."""
    try:
        with transaction.atomic():
            summary = _summary(function(now))
            if dry_run:
                raise _RolledBack
    except _RolledBack:
        pass
    except Exception as error:  # noqa: BLE001 - one app's failure must not keep the others' data
        logger.exception("Retention %s failed", name)
        return Outcome(name=name, error=error)
    return Outcome(name=name, summary=summary)


def selected(only=None):
    """The registered functions named in ``only`` (all when empty); ``KeyError`` names the
    unknown ones."""
    functions = registered()
    unknown = set(only or ()) - set(functions)
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    return {name: fn for name, fn in functions.items() if not only or name in only}
