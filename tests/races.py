"""One harness for race tests: many threads, each with its own database connection, let go at
once by a barrier.

A race test needs data that every thread sees, so it cannot run inside the test's rolled-back
transaction: mark it ``@pytest.mark.django_db(transaction=True)`` (or request
``transactional_db``). Its data is committed for real; after the test Django empties the
database and ``tests/conftest.py`` puts the session skeleton back (:func:`snapshot_skeleton`,
:func:`restore_skeleton`), so the tests after it find the database as every test does. Nothing
needs cleaning up by hand.

    from tests.races import race

    @pytest.mark.postgres
    @pytest.mark.django_db(transaction=True)
    def test_one_seat_is_booked_once(monkeypatch):
        event = make_event(capacity=1)
        outcome = race(lambda n: services.register(event, details(n)), 20)
        assert outcome.errors == []
        assert outcome.results.count("confirmed") == 1

Widen the window with the service's own test pause (``PAUSE_AFTER_COUNT``, ``RACE_PAUSE_SECONDS``
…, set with ``monkeypatch``), and prove the test can fail with a control run that switches the
lock off.
"""

import json
import threading
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, connections


@dataclass
class Outcome:
    """What the threads of one :func:`race` returned and raised, in the order they finished."""

    results: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # the exceptions, as raised

    @property
    def error_reprs(self):
        """The errors as ``repr`` strings (readable in an assertion message)."""
        return [repr(error) for error in self.errors]


def race(function, count, *, timeout=120):
    """Call ``function(index)`` for ``index`` in ``range(count)``, each in its own thread and
    database connection, all released at once by a barrier; wait for them (at most ``timeout``
    seconds) and return their :class:`Outcome`. Every thread closes its connections at the end.
    A thread still running after ``timeout`` fails the race with ``TimeoutError``."""
    barrier = threading.Barrier(count)
    outcome = Outcome()
    guard = threading.Lock()

    def run(index):
        try:
            barrier.wait(timeout=timeout)
            result = function(index)
        except Exception as error:  # noqa: BLE001 - every failure is collected and reported
            with guard:
                outcome.errors.append(error)
        else:
            with guard:
                outcome.results.append(result)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    if any(thread.is_alive() for thread in threads):
        raise TimeoutError(f"race: threads still running after {timeout} s")
    return outcome


def in_own_connection(function):
    """Run ``function()`` in one thread with its own connection (autocommit) and return its
    result or raise its exception: for committing set-up outside the caller's connection."""
    outcome = race(lambda _index: function(), 1)
    if outcome.errors:
        raise outcome.errors[0]
    return outcome.results[0]


_SKELETON = {}


def snapshot_skeleton():
    """Remember the database's current content (the session skeleton) to restore later.

    Content types come first: Wagtail's page and task models look up their content type when
    they are built, which would otherwise create the row again under another id."""
    rows = json.loads(connection.creation.serialize_db_to_string())
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    _SKELETON["default"] = json.dumps(rows)


def restore_skeleton():
    """Empty the database and load the content :func:`snapshot_skeleton` remembered."""
    if "default" not in _SKELETON:
        return
    # reset_sequences=False, as Django's own flush between tests: the restored rows keep their
    # ids, and new rows must not get them again.
    call_command(
        "flush",
        verbosity=0,
        interactive=False,
        reset_sequences=False,
        inhibit_post_migrate=True,
    )
    ContentType.objects.clear_cache()  # its ids are those of the rows just deleted
    connection.creation.deserialize_db_from_string(_SKELETON["default"])
