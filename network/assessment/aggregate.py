"""Team Domino's view of the field: completed self-assessments summed up per area and school
form, without showing any school that did not choose to share.

Pure functions on plain data (no database, no request); :mod:`.aggregate_data` reads the rows
from the models. The rules that keep schools unidentifiable:

* only figures for groups of at least :data:`MIN_SCHOOLS` schools are shown; a smaller group
  says "för få skolor för att visa" and shows neither figures nor its number of schools;
* when the hidden groups together hold fewer than :data:`MIN_SCHOOLS` schools, the smallest
  shown groups are hidden too — otherwise "all schools" minus the shown groups would give the
  hidden schools' figures away;
* each school counts once (its latest completed assessment) and weighs the same;
* names appear only in the list of schools that chose to share their result.
"""

from dataclasses import dataclass, field
from statistics import mean

from kcsite.charts import one_decimal

MIN_SCHOOLS = 5
#: How many of a school's weakest areas count in "most often among the weakest".
WEAKEST_N = 3


@dataclass(frozen=True)
class AreaFigures:
    """One school's figures for one area (from the scoring of its assessment)."""

    mean: float | None  # mean level 1–4 of the answered statements; None: none answered
    answered: int = 0
    dont_know: int = 0
    unanswered: int = 0


@dataclass(frozen=True)
class SchoolResult:
    """One completed assessment, as the aggregate needs it."""

    assessment_id: int
    school: str
    school_form: str
    shared: bool
    completed: object  # a date or datetime: the latest per school wins
    areas: dict  # area key -> AreaFigures
    weakest: tuple = ()  # the school's weakest area keys, weakest first


@dataclass
class Cell:
    """A group's figures for one area; ``hidden`` when the group is too small to show."""

    hidden: bool
    mean: float | None = None
    dont_know_share: float | None = None  # 0–1: "vet inte" of all the area's statements
    schools: int = 0


@dataclass
class Group:
    key: str
    label: str
    hidden: bool
    schools: int  # shown only when not hidden
    cells: dict = field(default_factory=dict)  # area key -> Cell


@dataclass
class Report:
    areas: list  # [(key, title)] in the set's order
    overall: Group
    groups: list  # Group per school form, in the vocabulary's order
    weakest_counts: list  # [(area key, title, number of schools)] most often weakest first
    shared: list  # SchoolResult of the schools that chose to share, by name
    schools: int  # all schools counted (shown only when overall is shown)

    @property
    def has_figures(self):
        return not self.overall.hidden


def school_key(name):
    """Schools are told apart by their name, whatever its case and spacing."""
    return " ".join(name.split()).casefold()


def latest_per_school(results):
    """Each school once: its latest completed assessment."""
    latest = {}
    for result in results:
        key = school_key(result.school)
        if key not in latest or _order(result) > _order(latest[key]):
            latest[key] = result
    return list(latest.values())


def _order(result):
    return (result.completed, result.assessment_id)


def _cells(results, areas):
    cells = {}
    for key, _title in areas:
        figures = [r.areas[key] for r in results if key in r.areas]
        means = [f.mean for f in figures if f.mean is not None]
        statements = sum(f.answered + f.dont_know + f.unanswered for f in figures)
        cells[key] = Cell(
            hidden=False,
            mean=mean(means) if means else None,
            dont_know_share=(sum(f.dont_know for f in figures) / statements)
            if statements
            else None,
            schools=len(means),
        )
    return cells


def _hidden_cells(areas):
    return {key: Cell(hidden=True) for key, _title in areas}


def _suppress(sizes):
    """The keys of the groups to hide: those under the limit, and then the smallest shown ones
    until the hidden groups together are empty or hold at least :data:`MIN_SCHOOLS` schools."""
    hidden = {key for key, size in sizes.items() if size < MIN_SCHOOLS}
    shown = sorted((size, key) for key, size in sizes.items() if key not in hidden)
    while shown and 0 < sum(sizes[key] for key in hidden) < MIN_SCHOOLS:
        hidden.add(shown.pop(0)[1])
    return hidden


def build_report(results, areas, school_forms, overall_label="Alla skolor"):
    """The report from every completed assessment's :class:`SchoolResult`.

    ``areas``: ``[(key, title)]``; ``school_forms``: ``[(code, label)]`` (the vocabulary)."""
    schools = latest_per_school(results)
    labels = {code: str(label) for code, label in school_forms}
    order = {code: index for index, code in enumerate(labels)}
    by_form = {}
    for result in schools:
        by_form.setdefault(result.school_form, []).append(result)
    hidden = _suppress({code: len(rows) for code, rows in by_form.items()})
    overall_hidden = len(schools) < MIN_SCHOOLS
    overall = Group(
        key="all",
        label=overall_label,
        hidden=overall_hidden,
        schools=0 if overall_hidden else len(schools),
        cells=_hidden_cells(areas) if overall_hidden else _cells(schools, areas),
    )
    groups = []
    for code in sorted(by_form, key=lambda code: (order.get(code, len(order)), code)):
        is_hidden = code in hidden
        groups.append(
            Group(
                key=code,
                label=labels.get(code, code),
                hidden=is_hidden,
                schools=0 if is_hidden else len(by_form[code]),
                cells=_hidden_cells(areas) if is_hidden else _cells(by_form[code], areas),
            )
        )
    return Report(
        areas=list(areas),
        overall=overall,
        groups=groups,
        weakest_counts=[] if overall_hidden else _weakest_counts(schools, areas),
        shared=sorted((r for r in schools if r.shared), key=lambda r: school_key(r.school)),
        schools=0 if overall_hidden else len(schools),
    )


def _weakest_counts(schools, areas):
    titles = dict(areas)
    counts = {key: 0 for key, _title in areas}
    for result in schools:
        for key in result.weakest[:WEAKEST_N]:
            if key in counts:
                counts[key] += 1
    order = {key: index for index, (key, _title) in enumerate(areas)}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], order[item[0]]))
    return [(key, titles[key], count) for key, count in ranked]


def csv_rows(report, headings):
    """The report as CSV rows: one row per group and area (hidden groups say so, no figures),
    then one per area of each school that shared its result (named, as it chose).

    ``headings``: the translated column headings and texts, a dict with the keys ``group``,
    ``area``, ``schools``, ``mean``, ``dont_know``, ``hidden`` and ``shared`` (the note after a
    sharing school's name). Means have one decimal, as on the page. Names are typed by
    schools: write the rows with :class:`kcsite.csvsafe.SafeWriter`."""
    rows = [
        [
            headings["group"],
            headings["area"],
            headings["schools"],
            headings["mean"],
            headings["dont_know"],
        ]
    ]
    for group in [report.overall, *report.groups]:
        for key, title in report.areas:
            cell = group.cells[key]
            if cell.hidden:
                rows.append([group.label, title, headings["hidden"], "", ""])
                continue
            rows.append(
                [
                    group.label,
                    title,
                    cell.schools,
                    "" if cell.mean is None else one_decimal(cell.mean),
                    "" if cell.dont_know_share is None else round(100 * cell.dont_know_share),
                ]
            )
    for result in report.shared:
        for key, title in report.areas:
            figures = result.areas.get(key)
            if figures is None:
                continue
            statements = figures.answered + figures.dont_know + figures.unanswered
            rows.append(
                [
                    f"{result.school} ({headings['shared']})",
                    title,
                    1,
                    "" if figures.mean is None else one_decimal(figures.mean),
                    round(100 * figures.dont_know / statements) if statements else "",
                ]
            )
    return rows
