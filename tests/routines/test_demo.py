"""The routines' demo: the template follows the sources; two routines built through services."""

import io

import pytest

from kcsite.pages.demo_tools import Demo
from methodbank.routines import demo
from methodbank.routines.gaps import find_gaps
from methodbank.routines.models import Routine, RoutineTemplate
from methodbank.routines.services import building
from tests.methodbank import factories as methodbank_factories

pytestmark = pytest.mark.django_db


def test_demo_template_and_two_example_routines():
    methodbank_factories.demo_methods()
    runner = Demo(io.StringIO(), None)
    demo.load_demo(runner)
    demo.load_demo(runner)  # idempotent
    (template,) = RoutineTemplate.objects.all()
    assert template.published
    content = building.template_content(template)
    duties = {step.duty: step for _t, step in content.steps() if step.duty}
    # The statute's paragraphs: same-day notice 7 kap. 17 § (upper secondary 15 kap. 16 §),
    # investigation and report to the organiser 7 kap. 19 a §.
    assert set(duties) == {demo.SAME_DAY, demo.INVESTIGATE}
    assert demo.SAME_DAY.startswith("7 kap. 17 § skollagen")
    assert demo.INVESTIGATE.startswith("7 kap. 19 a § skollagen")
    assert duties[demo.SAME_DAY].trigger.kind == "first_unexcused"
    assert duties[demo.SAME_DAY].when == "samma dag"
    investigation = duties[demo.INVESTIGATE]
    assert investigation.trigger.kind == "repeated_or_long"
    assert {"principal", "pupil_health"} <= set(investigation.who)
    assert "huvudmannen" in investigation.what and "vårdnadshavarna" in investigation.what
    assert all(tier.steps for tier in content.tiers)
    assert all(step.methods for _t, step in content.steps())  # linked to the demo's methods
    routines = {r.school_form: r for r in Routine.objects.all()}
    assert set(routines) == {"compulsory", "upper_secondary"}
    for routine in routines.values():
        routine_content = routine.routine_content()
        assert routine.shared_with_team and routine.version == 4
        assert routine_content.review_date is not None
        gaps = find_gaps(routine_content, building.template_duties(template))
        assert not [g for g in gaps if g.code in ("duty_removed", "empty_tier", "no_trigger")]
        assert any(s.from_method and not s.proposed for _t, s in routine_content.steps())
