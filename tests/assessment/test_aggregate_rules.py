"""The aggregate's rules on plain data: small groups hidden (also by difference), each school
once, names only for schools that shared."""

from datetime import date

from network.assessment.aggregate import (
    MIN_SCHOOLS,
    AreaFigures,
    SchoolResult,
    build_report,
    csv_rows,
)

AREAS = [("promote", "Främjande arbete"), ("mapping", "Kartläggning")]
FORMS = [("compulsory", "Grundskola"), ("upper_secondary", "Gymnasieskola"), ("other", "Annan")]
HEADINGS = {
    "group": "Grupp",
    "area": "Område",
    "schools": "Skolor",
    "mean": "Medelnivå",
    "dont_know": "Vet inte (%)",
    "hidden": "för få skolor för att visa",
    "shared": "delat",
}


def school(number, form="compulsory", *, level=2.0, shared=False, completed=None, dont_know=0):
    return SchoolResult(
        assessment_id=number,
        school=f"Skola {number}",
        school_form=form,
        shared=shared,
        completed=completed or date(2026, 10, 1),
        areas={
            "promote": AreaFigures(level, answered=3, dont_know=dont_know),
            "mapping": AreaFigures(level + 1, answered=3),
        },
        weakest=("promote", "mapping"),
    )


def test_a_group_of_five_schools_is_shown_with_its_means():
    report = build_report([school(n, level=n % 2 + 1) for n in range(5)], AREAS, FORMS)
    (group,) = report.groups
    assert not group.hidden and group.schools == MIN_SCHOOLS
    assert group.cells["promote"].mean == 1.4  # (2 + 1 + 2 + 1 + 2) / 5


def test_fewer_than_five_schools_show_nothing():
    report = build_report([school(n) for n in range(4)], AREAS, FORMS)
    assert report.overall.hidden and not report.has_figures
    assert all(cell.hidden and cell.mean is None for cell in report.overall.cells.values())
    assert report.groups[0].hidden and report.groups[0].schools == 0


def test_a_small_group_cannot_be_worked_out_from_the_total():
    # Six compulsory schools and one upper-secondary school: hiding only the upper-secondary
    # group would give its figures away (all schools minus compulsory), so both are hidden.
    results = [school(n) for n in range(6)] + [school(9, "upper_secondary", level=4)]
    report = build_report(results, AREAS, FORMS)
    assert not report.overall.hidden and report.schools == 7
    assert [(g.key, g.hidden) for g in report.groups] == [
        ("compulsory", True),
        ("upper_secondary", True),
    ]


def test_hidden_groups_of_five_together_let_the_others_show():
    results = (
        [school(n) for n in range(6)]
        + [school(10 + n, "upper_secondary") for n in range(3)]
        + [school(20 + n, "other") for n in range(2)]
    )
    report = build_report(results, AREAS, FORMS)
    assert [(g.key, g.hidden) for g in report.groups] == [
        ("compulsory", False),
        ("upper_secondary", True),
        ("other", True),
    ]


def test_each_school_counts_once_with_its_latest_assessment():
    old = school(1, level=1.0, completed=date(2025, 10, 1))
    new = SchoolResult(**{**old.__dict__, "assessment_id": 99, "completed": date(2026, 10, 1)})
    new = SchoolResult(
        **{**new.__dict__, "school": "  skola 1 ", "areas": school(1, level=4).areas}
    )
    report = build_report([old, new] + [school(n) for n in range(2, 6)], AREAS, FORMS)
    assert report.schools == 5
    assert report.overall.cells["promote"].mean == (4 + 2 * 4) / 5


def test_dont_know_is_a_share_of_the_areas_statements():
    results = [school(n, dont_know=1 if n < 2 else 0) for n in range(5)]
    cell = build_report(results, AREAS, FORMS).overall.cells["promote"]
    assert cell.dont_know_share == 2 / 17  # 5 × 3 answered + 2 "vet inte"


def test_only_sharing_schools_are_named():
    results = [school(n, shared=n == 3) for n in range(6)]
    report = build_report(results, AREAS, FORMS)
    assert [r.school for r in report.shared] == ["Skola 3"]
    named = {row[0] for row in csv_rows(report, HEADINGS) if "Skola" in row[0]}
    assert named == {"Skola 3 (delat)"}


def test_weakest_counts_rank_the_areas():
    report = build_report([school(n) for n in range(5)], AREAS, FORMS)
    assert report.weakest_counts[0] == ("promote", "Främjande arbete", 5)


def test_csv_rows_say_hidden_without_figures():
    results = [school(n) for n in range(6)] + [school(9, "upper_secondary")]
    rows = csv_rows(build_report(results, AREAS, FORMS), HEADINGS)
    assert rows[0][0] == "Grupp"
    hidden = [row for row in rows if row[0] == "Gymnasieskola"]
    assert hidden and all(row[2:] == ["för få skolor för att visa", "", ""] for row in hidden)
    assert ["Alla skolor", "Främjande arbete", 7, 2.0, 0] in rows
