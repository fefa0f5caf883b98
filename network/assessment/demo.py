"""Demo content of "Hur står vi oss?": the active indicator set (:mod:`.demo_indicators`) and
completed assessments of sixteen fictional schools in four school forms, so that Team Domino's
aggregate has groups to show and one to hide; one school shares its result with Team Domino.

Idempotent: a set with the demo title, or a school that already has an assessment, is left as
it is.
"""

from methodbank.models import MethodPage

from . import demo_indicators as data
from .demo_schools import load_assessments
from .models import Area, IndicatorSet, Statement


def load_demo(demo):
    indicator_set = load_indicator_set(demo)
    load_assessments(demo, indicator_set)


def load_indicator_set(demo):
    """The demo's indicator set, created (and made active) once."""
    existing = IndicatorSet.objects.filter(title=data.SET_TITLE).first()
    if existing is not None:
        demo.tally(False)
        return existing
    demo.tally(True)
    demo.step("Hur står vi oss?: indikatoruppsättningen")
    methods = {page.slug: page for page in MethodPage.objects.filter(locale__language_code="sv")}
    indicator_set = IndicatorSet.objects.create(
        title=data.SET_TITLE, intro=data.SET_INTRO, is_active=True
    )
    for area_order, area_data in enumerate(data.AREAS, start=1):
        area = Area.objects.create(
            indicator_set=indicator_set,
            key=area_data["key"],
            title=area_data["title"],
            intro=area_data["intro"],
            order=area_order,
        )
        for order, item in enumerate(area_data["statements"], start=1):
            levels = {f"level_{n}": text for n, text in enumerate(item["levels"], start=1)}
            statement = Statement(
                area=area,
                key=item["key"],
                order=order,
                text=item["text"],
                event_types=item["event_types"],
                service_kind=item["service_kind"],
                **levels,
            )
            statement.full_clean()
            statement.save()
            statement.methods.set([methods[slug] for slug in item["methods"] if slug in methods])
    return indicator_set
