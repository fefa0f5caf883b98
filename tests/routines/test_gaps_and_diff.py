"""The gap panel and the diff: pure functions on content (and the template's duties)."""

import pytest

from methodbank.routines.content import Role, RoutineContent, Step, Trigger
from methodbank.routines.demo import INVESTIGATE, SAME_DAY
from methodbank.routines.diff import diff
from methodbank.routines.gaps import find_gaps
from methodbank.routines.services import building


def codes(gaps):
    return sorted(gap.code for gap in gaps)


def test_an_empty_routine_lacks_every_tier_and_a_review_date():
    gaps = find_gaps(RoutineContent(school_unit="X"))
    assert codes(gaps) == ["empty_tier"] * 3 + ["no_review_date"]


def test_each_kind_of_gap():
    content = RoutineContent(school_unit="X", roles=[Role("mentor", "Mentor"), Role("principal")])
    content.tier("promote").steps.append(Step(who=["mentor"], what="Följ närvaron"))
    content.tier("prevent").steps.append(
        Step(trigger=Trigger("first_unexcused"), who=[], what="Ring hem")
    )
    content.tier("act").steps.append(Step(who=["mentor"], what="Förslag", proposed=True))
    gaps = find_gaps(content, [(SAME_DAY, "Samma dag"), ("", "")][:1])
    assert codes(gaps) == [
        "duty_removed",
        "empty_tier",  # act has only a proposal
        "idle_role",  # principal
        "no_follow_up",  # first unexcused absence, no follow-up
        "no_review_date",
        "no_role",  # Ring hem
        "no_trigger",  # Följ närvaron: a custom trigger with no text
    ]
    assert next(g for g in gaps if g.code == "no_role").anchor.startswith("step-")


def test_an_accepted_step_with_an_empty_custom_trigger_has_no_trigger():
    content = RoutineContent(school_unit="X", roles=[Role("mentor", "Mentor")])
    content.tier("promote").steps.append(
        Step(trigger=Trigger("custom", text="Varje lektion"), who=["mentor"], what="Följ")
    )
    empty = Step(trigger=Trigger("custom", text="  "), who=["mentor"], what="Från metoden")
    content.tier("prevent").steps.append(empty)
    content.tier("act").steps.append(Step(who=["mentor"], what="Förslag", proposed=True))
    missing = [gap for gap in find_gaps(content) if gap.code == "no_trigger"]
    assert [gap.anchor for gap in missing] == [f"step-{empty.key}"]  # not the proposal
    assert "Från metoden" in missing[0].message
    empty.trigger = Trigger("first_unexcused")
    assert "no_trigger" not in codes(find_gaps(content))


@pytest.mark.django_db
def test_a_routine_from_the_template_keeps_its_duties(template):
    content = building.template_content(template)
    duties = building.template_duties(template)
    assert {duty for duty, _what in duties} == {SAME_DAY, INVESTIGATE}
    assert "duty_removed" not in codes(find_gaps(content, duties))
    key = next(s.key for _t, s in content.steps() if s.duty == INVESTIGATE)
    content.find_step(key)[0].steps.remove(content.find_step(key)[2])
    removed = [g for g in find_gaps(content, duties) if g.code == "duty_removed"]
    assert len(removed) == 1 and INVESTIGATE in removed[0].message


def test_diff_by_step_key():
    old = RoutineContent(school_unit="X", roles=[Role("mentor", "Mentor")])
    kept = Step(what="Ring hem", who=["mentor"], trigger=Trigger("percent_over_weeks", 10, 4))
    gone = Step(what="Borttaget")
    old.tier("prevent").steps += [kept, gone]
    new = RoutineContent.from_json(old.to_json())
    new.school_unit = "Y"
    new.roles[0].label = "Mentor (klassens)"
    new.roles.append(Role("principal", "Rektor"))
    new.find_step(kept.key)[2].trigger.percent = 15
    new.tier("prevent").steps.remove(new.find_step(gone.key)[2])
    added = Step(what="Nytt")
    new.tier("act").steps.append(added)
    result = diff(old, new)
    assert result.general == [("Skolenhet", "X", "Y")]
    assert sorted((c.kind, c.key) for c in result.roles) == [
        ("added", "principal"),
        ("changed", "mentor"),
    ]
    kinds = {c.key: c for c in result.steps}
    assert kinds[added.key].kind == "added" and kinds[gone.key].kind == "removed"
    changed = kinds[kept.key]
    assert changed.kind == "changed"
    assert changed.fields == [
        ("Utlösare", "Frånvaro ≥ 10 % under 4 veckor", "Frånvaro ≥ 15 % under 4 veckor")
    ]
    assert not diff(old, RoutineContent.from_json(old.to_json()))
