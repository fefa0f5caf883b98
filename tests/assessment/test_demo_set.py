"""The demo's indicator set and schools: 16–24 statements in the six areas, four levels in
words each, linked to the demo's methods, trainings and services; completed assessments
enough for the aggregate to show; loading twice changes nothing."""

import io

import pytest

from events.models.choices import EventType
from kcsite.pages.demo_tools import Demo
from kcsite.vocabularies import SchoolForm
from network.assessment import demo, demo_schools
from network.assessment.aggregate_data import field_report
from network.assessment.choices import AreaKey, State
from network.assessment.models import Assessment, IndicatorSet, Statement
from network.support.choices import ServiceKind
from tests.methodbank.factories import demo_methods

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    demo_methods()
    demo.load_demo(Demo(io.StringIO(), None))
    return IndicatorSet.objects.get(title=demo.data.SET_TITLE)


def test_the_set_covers_the_six_areas_with_16_to_24_statements(loaded):
    assert loaded.is_active and IndicatorSet.active() == loaded
    assert [area.key for area in loaded.areas.order_by("order")] == list(AreaKey.values)
    statements = Statement.objects.filter(area__indicator_set=loaded)
    assert 16 <= statements.count() <= 24
    for statement in statements:
        texts = [text for _number, text in statement.level_descriptions()]
        assert len(texts) == 4 and all(len(text) > 15 for text in texts), statement.key
        assert len(set(texts)) == 4, statement.key
        assert statement.methods.exists(), statement.key  # every slug found in the method bank
        assert set(statement.event_types) <= set(EventType.values)
        assert statement.service_kind in ServiceKind.values


def test_the_set_says_what_the_sources_say(loaded):
    texts = " ".join(
        Statement.objects.filter(area__indicator_set=loaded).values_list("text", flat=True)
    )
    for phrase in (
        "7 kap. 17 §",  # same-day notice (the statute; not 19 §)
        "7 kap. 19 a §",
        "socialtjänsten (IFO)",
        "BUP",
        "Elevens egen röst",
    ):
        assert phrase in texts


def test_demo_schools_complete_enough_for_the_aggregate(loaded):
    completed = Assessment.objects.filter(state=State.COMPLETED)
    schools = set(completed.values_list("school_unit", flat=True))
    assert len(schools) >= 5
    assert len(set(completed.values_list("school_form", flat=True))) >= 3
    shared = completed.filter(share_with_team_domino=True)
    assert set(shared.values_list("school_unit", flat=True)) == {demo_schools.SHARING_SCHOOL}
    assert shared.filter(previous__isnull=False).exists()  # repeated: the change shows
    report = field_report("Alla skolor", SchoolForm.choices)
    assert report.has_figures and report.schools == len(schools)
    shown = {group.key for group in report.groups if not group.hidden}
    hidden = {group.key for group in report.groups if group.hidden}
    assert shown == {"compulsory", "upper_secondary"}
    assert hidden == {"adapted_compulsory", "preschool_class"}


def test_loading_twice_changes_nothing(loaded):
    counts = (Statement.objects.count(), Assessment.objects.count())
    again = Demo(io.StringIO(), None)
    demo.load_demo(again)
    assert (Statement.objects.count(), Assessment.objects.count()) == counts
    assert again.created == 0
