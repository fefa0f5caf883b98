"""Ten team members save the same area of one assessment at once, on PostgreSQL: one save
wins, every other one is told (VersionConflict) and nothing is half-saved or lost silently.

Real threads (``tests.races``) call the service the area page calls. A pause after the version
check widens the window. The control run switches the row lock off: the conditional version
update must still keep the others out. The broken run switches both off and must lose data,
which shows the test can fail.
"""

from collections import Counter

import pytest
from django.db.models import F
from django.utils import timezone

from network.assessment.models import Assessment
from network.assessment.services import filling
from network.assessment.services.errors import VersionConflict
from tests.races import race

from . import factories

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 10
KEYS = ("samma-dag-kontakt", "roller-och-rutiner")


def _unconditional_bump(assessment, **fields):
    Assessment.objects.filter(pk=assessment.pk).update(
        version=F("version") + 1, updated_at=timezone.now(), **fields
    )
    assessment.refresh_from_db()
    return assessment


def _fire(monkeypatch, *, lock, conditional=True):
    monkeypatch.setattr(filling, "RACE_PAUSE_SECONDS", 0.05)
    monkeypatch.setattr(filling, "LOCK_ROWS", lock)
    if not conditional:
        monkeypatch.setattr(filling, "_bump", _unconditional_bump)
    factories.make_set()
    assessment = factories.start()
    # Thread n answers level 1 + n % 4 on the first statement, "vet inte" on the second.
    levels = {n: {KEYS[0]: str(1 + n % 4), KEYS[1]: "dont_know"} for n in range(THREADS)}

    def attempt(index):
        try:
            filling.save_area(
                assessment.pk,
                assessment.version,
                area_key="routines",
                levels=levels[index],
                comment=f"Kommentar {index}",
            )
        except VersionConflict:
            return ("conflict", index)
        return ("saved", index)

    outcome = race(attempt, THREADS)
    assessment.refresh_from_db()
    return assessment, levels, outcome


def _check(assessment, levels, outcome):
    assert outcome.error_reprs == []
    counts = Counter(kind for kind, _index in outcome.results)
    assert counts == Counter({"saved": 1, "conflict": THREADS - 1}), counts
    [winner] = [index for kind, index in outcome.results if kind == "saved"]
    assert assessment.version == 2
    assert filling.answers_of(assessment) == levels[winner]
    assert filling.comments_of(assessment) == {"routines": f"Kommentar {winner}"}


@pytest.mark.parametrize("lock", [True, False], ids=["row-lock", "conditional-update-only"])
def test_one_of_ten_concurrent_saves_wins_the_others_are_told(monkeypatch, mail_at_once, lock):
    _check(*_fire(monkeypatch, lock=lock))


@pytest.mark.xfail(strict=True, reason="without lock and version condition, saves are lost")
def test_without_the_safeguards_saves_overwrite_each_other(monkeypatch, mail_at_once):
    _check(*_fire(monkeypatch, lock=False, conditional=False))
