"""Scoring and recommendations as pure functions on the indicator data (no database).

The services turn models into the small records below (:class:`StatementData`,
:class:`AreaData`) and answers into a mapping ``{statement key: level}``, where a level is
``"1"``–``"4"`` or ``"dont_know"``; a statement without an answer is missing from the mapping
(or maps to ``""``).

* :func:`area_scores` — per area: the mean level of the statements answered with a level,
  how many were answered, how many "vet inte" (counted on their own, never in the mean) and
  how many were left unanswered;
* :func:`weakest_areas` — the ``n`` areas to act on first (see its rule);
* :func:`recommendations` — per weak area the statements with the lowest levels and what is
  linked to them (methods, event types, Team Domino's service);
* :func:`compare` — the change per area since an earlier assessment.
"""

from collections import Counter
from dataclasses import dataclass, field

from .choices import DONT_KNOW, LEVEL_NUMBERS

HIGHEST = max(LEVEL_NUMBERS)
# The order in which weak statements are recommended: level 1, level 2, "vet inte" (the team
# does not know: worth finding out), level 3. Level 4 is established: nothing to recommend.
_PRIORITY = {"1": 1.0, "2": 2.0, DONT_KNOW: 2.5, "3": 3.0}


@dataclass(frozen=True)
class AreaData:
    key: str
    title: str = ""
    order: int = 0


@dataclass(frozen=True)
class StatementData:
    key: str
    area_key: str
    text: str = ""
    order: int = 0
    level_texts: tuple = ()  # the four level descriptions, level 1 first
    method_ids: tuple = ()
    event_types: tuple = ()
    service_kind: str = ""

    def level_text(self, level):
        """The description of ``level`` ("1"–"4"), or "" ("vet inte", unknown)."""
        try:
            return self.level_texts[int(level) - 1]
        except (ValueError, TypeError, IndexError):
            return ""


@dataclass(frozen=True)
class AreaScore:
    key: str
    title: str
    order: int
    mean: float | None  # mean level of the statements answered 1–4; None when none were
    answered: int  # answered with a level 1–4
    dont_know: int
    unanswered: int

    @property
    def total(self):
        return self.answered + self.dont_know + self.unanswered

    @property
    def share(self):
        """The mean as a share of the highest level (0–1), for bars; None without a mean."""
        return None if self.mean is None else self.mean / HIGHEST


@dataclass(frozen=True)
class WeakStatement:
    statement: StatementData
    level: str  # "1"–"3" or "dont_know"


@dataclass(frozen=True)
class AreaRecommendation:
    area: AreaScore
    statements: list  # WeakStatement, weakest first
    method_ids: list = field(default_factory=list)  # in the order of the statements, once each
    event_types: list = field(default_factory=list)
    service_kind: str = ""  # the service most of the weak statements point to


@dataclass(frozen=True)
class AreaChange:
    key: str
    title: str
    before: float | None
    after: float | None

    @property
    def change(self):
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 2)


def level_number(level):
    """1–4 for a level answer, None for "vet inte", unanswered or anything else."""
    try:
        number = int(level)
    except (TypeError, ValueError):
        return None
    return number if number in LEVEL_NUMBERS else None


def area_scores(answers, statements, areas=()):
    """One :class:`AreaScore` per area, in the areas' order (``areas``; areas only named by
    statements follow in the order they first appear). Answers for keys that are not among
    ``statements`` (an old set's) are ignored."""
    areas = sorted(areas, key=lambda area: area.order)
    known = {area.key: area for area in areas}
    for statement in statements:
        if statement.area_key not in known:
            known[statement.area_key] = AreaData(statement.area_key, order=len(known) + 10_000)
    scores = []
    for area in sorted(known.values(), key=lambda area: area.order):
        levels, dont_know, unanswered = [], 0, 0
        for statement in statements:
            if statement.area_key != area.key:
                continue
            answer = answers.get(statement.key) or ""
            number = level_number(answer)
            if number is not None:
                levels.append(number)
            elif answer == DONT_KNOW:
                dont_know += 1
            else:
                unanswered += 1
        mean = round(sum(levels) / len(levels), 2) if levels else None
        scores.append(
            AreaScore(area.key, area.title, area.order, mean, len(levels), dont_know, unanswered)
        )
    return scores


def weakest_areas(scores, n=3):
    """The ``n`` areas to act on first.

    Areas with a mean come first, lowest mean first; on a tie the one with more "vet inte",
    then the earlier area. Areas the team could only answer "vet inte" for come after them
    (not knowing is a finding, but a low level is a surer one). Areas with a mean of the
    highest level, and areas nobody answered, are never weak.
    """
    with_mean = [s for s in scores if s.mean is not None and s.mean < HIGHEST]
    unknown = [s for s in scores if s.mean is None and s.dont_know]
    with_mean.sort(key=lambda s: (s.mean, -s.dont_know, s.order))
    unknown.sort(key=lambda s: (-s.dont_know, s.order))
    return (with_mean + unknown)[:n]


def weak_statements(answers, statements, area_key, limit=3):
    """The statements of one area to work on, weakest first (level 1, 2, "vet inte", 3; on a
    tie the earlier statement)."""
    weak = [
        WeakStatement(statement, answers.get(statement.key))
        for statement in statements
        if statement.area_key == area_key and answers.get(statement.key) in _PRIORITY
    ]
    weak.sort(key=lambda w: (_PRIORITY[w.level], w.statement.order))
    return weak[:limit]


def _once(values):
    return list(dict.fromkeys(value for value in values if value))


def recommendations(answers, statements, scores, n=3, per_area=3):
    """One :class:`AreaRecommendation` per weak area (:func:`weakest_areas`), weakest first."""
    result = []
    for area in weakest_areas(scores, n):
        weak = weak_statements(answers, statements, area.key, per_area)
        kinds = Counter(w.statement.service_kind for w in weak if w.statement.service_kind)
        # The most frequent service; on a tie the weakest statement's.
        first_seen = _once(w.statement.service_kind for w in weak)
        service_kind = max(first_seen, key=lambda kind: kinds[kind]) if first_seen else ""
        result.append(
            AreaRecommendation(
                area=area,
                statements=weak,
                method_ids=_once(pk for w in weak for pk in w.statement.method_ids),
                event_types=_once(t for w in weak for t in w.statement.event_types),
                service_kind=service_kind,
            )
        )
    return result


def compare(previous_scores, current_scores):
    """The change per area (in the current order): the mean before and now. An area that the
    earlier assessment lacked, or had no mean for, has ``before=None`` and no change."""
    before = {score.key: score.mean for score in previous_scores}
    return [
        AreaChange(score.key, score.title, before.get(score.key), score.mean)
        for score in current_scores
    ]
