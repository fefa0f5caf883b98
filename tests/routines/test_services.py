"""Services: building from the template, adding a method, editing, versions, sharing."""

import pytest

from methodbank.routines.content import RoutineContent
from methodbank.routines.demo import INVESTIGATE, SAME_DAY
from methodbank.routines.models import Routine, RoutineVersion
from methodbank.routines.services import building, editing, sharing
from methodbank.routines.services.errors import Conflict, RoutineError

from . import factories

pytestmark = pytest.mark.django_db


def test_a_routine_starts_as_a_copy_of_the_template(template, routine):
    content = routine.routine_content()
    assert [tier.tier for tier in content.tiers] == ["promote", "prevent", "act"]
    template_steps = building.template_content(template).steps()
    assert [(t, s.key, s.what) for t, s in content.steps()] == [
        (t, s.key, s.what) for t, s in template_steps
    ]
    assert all(step.from_template for _t, step in content.steps())
    assert {SAME_DAY, INVESTIGATE} <= {step.duty for _t, step in content.steps()}
    # every role a step names is a role of the routine
    assert {code for _t, s in content.steps() for code in s.who} == {r.code for r in content.roles}
    assert routine.version == 1
    assert list(routine.versions.values_list("number", flat=True)) == [1]


def test_an_unpublished_template_cannot_be_used(template):
    template.published = False
    template.save()
    with pytest.raises(RoutineError):
        factories.routine(template)
    assert not Routine.objects.exists()


def test_a_methods_steps_become_proposed_steps_in_the_chosen_tier(routine):
    call = {"title": "Ring hem", "body": "Samtal.", "performer": "social_pedagogue"}
    method = factories.method(
        tiers=["act"], steps=[{**call, "timing": "dag 1"}, {"title": "Följ upp", "body": "Möte."}]
    )
    before = len(routine.routine_content().tier("act").steps)
    routine = editing.add_method(routine, routine.version, method, "act")
    act = routine.routine_content().tier("act")
    added = act.steps[before:]
    assert [s.what for s in added] == ["Ring hem", "Följ upp"]
    assert all(
        s.proposed and s.from_method == method.pk and s.methods == [method.pk] for s in added
    )
    assert added[0].who == ["social_pedagogue"] and added[0].when == "dag 1"
    assert routine.routine_content().role("social_pedagogue") is not None
    assert routine.version == 2


def test_a_method_without_steps_is_one_proposed_step_with_its_performers(routine):
    method = factories.method(2, steps=[], performers=["mentor", "principal"])
    routine = editing.add_method(routine, 1, method, "prevent")
    step = routine.routine_content().tier("prevent").steps[-1]
    assert step.what == method.title and step.who == ["mentor", "principal"] and step.proposed


def test_accepting_moving_and_removing_steps(routine):
    content = routine.routine_content()
    first, second = content.tier("promote").steps
    editing.move_step(content, second.key, -1)
    assert [s.key for s in content.tier("promote").steps] == [second.key, first.key]
    editing.move_step(content, second.key, -1)  # past the first tier's top: stays
    assert content.tier("promote").steps[0].key == second.key
    editing.move_step(content, first.key, 1)  # past the end: first step of the next tier
    assert content.tier("prevent").steps[0].key == first.key
    editing.remove_step(content, first.key)
    assert content.find_step(first.key) is None
    routine = editing.save(routine, 1, content, note="test")
    assert RoutineContent.from_json(routine.content) == content
    with pytest.raises(RoutineError):
        editing.remove_step(content, first.key)


def test_a_save_on_an_old_version_is_refused_and_changes_nothing(routine):
    content = routine.routine_content()
    content.tier("act").steps.pop()
    editing.save(routine, 1, content)
    other = routine.routine_content()
    other.school_unit = "Annat namn"
    with pytest.raises(Conflict) as raised:
        editing.save(routine, 1, other)
    assert raised.value.current == 2
    routine.refresh_from_db()
    assert routine.version == 2 and routine.school_unit == "Södra skolan, F–6"
    assert RoutineVersion.objects.filter(routine=routine).count() == 2


def test_invalid_content_is_refused(routine):
    content = routine.routine_content()
    content.school_unit = " "
    with pytest.raises(RoutineError):
        editing.save(routine, 1, content)
    routine.refresh_from_db()
    assert routine.version == 1


def test_removing_a_role_takes_it_off_every_step(routine):
    content = editing.remove_role(routine.routine_content(), "mentor")
    assert content.role("mentor") is None
    assert all("mentor" not in step.who for _t, step in content.steps())


def test_sharing_with_team_domino_is_off_by_default(routine):
    assert routine.shared_with_team is False
    assert sharing.set_shared(routine, True) is True
    assert sharing.set_shared(routine, True) is False
    routine.refresh_from_db()
    assert routine.shared_with_team
    assert "Södra skolan" in sharing.need_summary(routine)
