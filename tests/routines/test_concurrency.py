"""Two saves of one version of a routine: one wins, the other is told (PostgreSQL)."""

import pytest

from methodbank.routines.models import Routine, RoutineVersion
from methodbank.routines.services import editing
from methodbank.routines.services.errors import Conflict
from tests.races import race

from . import factories


def _save(routine_id, number):
    routine = Routine.objects.get(pk=routine_id)
    content = routine.routine_content()
    content.tier("act").steps[0].what = f"Ändrad av {number}"
    try:
        editing.save(routine, 1, content)
    except Conflict:
        return "told"
    return "won"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_saves_of_one_version_one_wins_the_other_is_told():
    routine = factories.routine(mail=False)
    outcome = race(lambda n: _save(routine.pk, n), 8)
    assert outcome.errors == []
    assert sorted(outcome.results) == ["told"] * 7 + ["won"]
    routine.refresh_from_db()
    assert routine.version == 2
    assert list(
        RoutineVersion.objects.filter(routine=routine).values_list("number", flat=True)
    ) == [1, 2]
    winner = routine.routine_content().tier("act").steps[0].what
    assert (
        RoutineVersion.objects.get(routine=routine, number=2)
        .routine_content()
        .tier("act")
        .steps[0]
        .what
        == winner
    )
