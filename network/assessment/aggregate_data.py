"""The aggregate's rows from the database: every completed assessment scored by its own
indicator set (areas are compared by their key, so assessments of older sets count too)."""

from .aggregate import AreaFigures, SchoolResult, build_report
from .choices import AreaKey, State
from .models import Assessment
from .scoring import area_scores, weakest_areas
from .services.indicators import set_data


def completed_results():
    """A :class:`~.aggregate.SchoolResult` per completed assessment."""
    assessments = list(
        Assessment.objects.filter(state=State.COMPLETED).prefetch_related("answers").order_by("pk")
    )
    sets = {pk: set_data(pk) for pk in {a.indicator_set_id for a in assessments}}
    results = []
    for assessment in assessments:
        data = sets[assessment.indicator_set_id]
        answers = {answer.statement_key: answer.level for answer in assessment.answers.all()}
        scores = area_scores(answers, data.statements, data.areas)
        results.append(
            SchoolResult(
                assessment_id=assessment.pk,
                school=assessment.school_unit,
                school_form=assessment.school_form,
                shared=assessment.share_with_team_domino,
                completed=assessment.completed_at or assessment.created_at,
                areas={
                    s.key: AreaFigures(s.mean, s.answered, s.dont_know, s.unanswered)
                    for s in scores
                },
                weakest=tuple(s.key for s in weakest_areas(scores)),
            )
        )
    return results


def field_report(overall_label, school_forms):
    """The report over all completed assessments (areas in the fixed order of the area keys)."""
    areas = [(key, str(label)) for key, label in AreaKey.choices]
    return build_report(completed_results(), areas, school_forms, overall_label=overall_label)
