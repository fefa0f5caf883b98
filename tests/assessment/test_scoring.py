"""The pure scoring and recommendation functions (no database)."""

from network.assessment.scoring import (
    AreaData,
    AreaScore,
    StatementData,
    area_scores,
    compare,
    level_number,
    recommendations,
    weak_statements,
    weakest_areas,
)

AREAS = [AreaData("promote", "Främja", 0), AreaData("routines", "Rutiner", 1)]
AREAS += [AreaData("mapping", "Kartläggning", 2), AreaData("act", "Åtgärda", 3)]


def st(key, area, order=0, **kwargs):
    texts = tuple(f"{key} nivå {n}" for n in (1, 2, 3, 4))
    return StatementData(key, area, f"Text {key}", order, texts, **kwargs)


STATEMENTS = [
    st("p1", "promote", 0, method_ids=(1,), event_types=("training",), service_kind="gdq"),
    st("p2", "promote", 1, method_ids=(2, 1), service_kind="process_support"),
    st("r1", "routines", 2, method_ids=(3,), service_kind="process_support"),
    st("r2", "routines", 3, service_kind="process_support", event_types=("training",)),
    st("r3", "routines", 4, service_kind="consultation"),
    st("m1", "mapping", 5, service_kind="mapping"),
    st("a1", "act", 6),
]


def score(key, mean, answered=1, dont_know=0, unanswered=0, order=0):
    return AreaScore(key, key, order, mean, answered, dont_know, unanswered)


def by_key(scores):
    return {s.key: s for s in scores}


def test_level_number_accepts_only_the_four_levels():
    assert [level_number(v) for v in ("1", "4", 2)] == [1, 4, 2]
    assert [level_number(v) for v in ("dont_know", "", None, "5", "0", "x")] == [None] * 6


def test_mean_counts_levels_only_and_dont_know_on_its_own():
    answers = {"p1": "1", "p2": "4", "r1": "dont_know", "r2": "2", "m1": "dont_know"}
    scores = by_key(area_scores(answers, STATEMENTS, AREAS))
    assert scores["promote"].mean == 2.5
    assert (scores["promote"].answered, scores["promote"].dont_know) == (2, 0)
    routines = scores["routines"]
    assert (routines.mean, routines.answered, routines.dont_know, routines.unanswered) == (
        2.0,
        1,
        1,
        1,
    )
    assert routines.total == 3
    assert scores["mapping"].mean is None and scores["mapping"].dont_know == 1
    assert scores["act"].unanswered == 1 and scores["act"].mean is None


def test_scores_follow_the_area_order_and_ignore_unknown_keys():
    answers = {"p1": "3", "gammal-nyckel": "1", "r1": "garbage"}
    scores = area_scores(answers, STATEMENTS, list(reversed(AREAS)))
    assert [s.key for s in scores] == ["promote", "routines", "mapping", "act"]
    assert by_key(scores)["routines"].unanswered == 3  # a garbled level is no answer


def test_means_are_rounded_to_two_decimals():
    answers = {"r1": "1", "r2": "1", "r3": "2"}
    assert by_key(area_scores(answers, STATEMENTS, AREAS))["routines"].mean == 1.33


def test_weakest_areas_lowest_mean_first_with_a_stable_tie_break():
    scores = [
        score("a", 2.0, order=0),
        score("b", 1.5, order=1),
        score("c", 2.0, dont_know=2, order=2),  # same mean as a, more "vet inte": first
        score("d", 3.0, order=3),
        score("e", 2.0, order=4),
    ]
    assert [s.key for s in weakest_areas(scores)] == ["b", "c", "a"]
    assert [s.key for s in weakest_areas(scores, n=5)] == ["b", "c", "a", "e", "d"]
    assert weakest_areas(list(reversed(scores))) == weakest_areas(scores)


def test_only_dont_know_areas_come_after_areas_with_levels_and_top_or_empty_never():
    scores = [
        score("unknown", None, answered=0, dont_know=3, order=0),
        score("top", 4.0, order=1),
        score("empty", None, answered=0, unanswered=3, order=2),
        score("low", 3.5, order=3),
    ]
    assert [s.key for s in weakest_areas(scores)] == ["low", "unknown"]


def test_weak_statements_level_one_two_dont_know_three_never_four():
    answers = {"r1": "3", "r2": "dont_know", "r3": "1"}
    weak = weak_statements(answers, STATEMENTS, "routines")
    assert [(w.statement.key, w.level) for w in weak] == [
        ("r3", "1"),
        ("r2", "dont_know"),
        ("r1", "3"),
    ]
    assert weak_statements({"r1": "4", "r2": "4"}, STATEMENTS, "routines") == []
    assert len(weak_statements({"r1": "1", "r2": "1", "r3": "1"}, STATEMENTS, "routines", 2)) == 2


def test_recommendations_carry_the_weak_statements_links():
    answers = {"p1": "1", "p2": "2", "r1": "2", "r2": "2", "r3": "1", "m1": "4", "a1": "4"}
    scores = area_scores(answers, STATEMENTS, AREAS)
    recs = recommendations(answers, STATEMENTS, scores)
    assert [r.area.key for r in recs] == ["promote", "routines"]  # mapping, act: at the top
    promote, routines = recs
    assert [w.statement.key for w in promote.statements] == ["p1", "p2"]
    assert promote.method_ids == [1, 2]  # once each, weakest statement's first
    assert promote.event_types == ["training"]
    # A tie (one gdq, one process support): the weakest statement's service.
    assert promote.service_kind == "gdq"
    # Two of three weak routine statements point to process support; the weakest to consultation.
    assert [w.statement.key for w in routines.statements] == ["r3", "r1", "r2"]
    assert routines.service_kind == "process_support"
    assert routines.method_ids == [3]


def test_recommendations_of_an_empty_assessment_are_empty():
    assert recommendations({}, STATEMENTS, area_scores({}, STATEMENTS, AREAS)) == []


def test_statement_level_text():
    statement = STATEMENTS[0]
    assert statement.level_text("2") == "p1 nivå 2"
    assert statement.level_text("dont_know") == "" and statement.level_text("9") == ""


def test_compare_per_area_in_the_current_order():
    before = [score("promote", 1.5), score("routines", 3.0), score("mapping", None, answered=0)]
    now = [score("routines", 2.0), score("promote", 2.75), score("mapping", 2.0), score("x", 1.0)]
    changes = {c.key: c for c in compare(before, now)}
    assert [c.key for c in compare(before, now)] == ["routines", "promote", "mapping", "x"]
    assert changes["promote"].change == 1.25
    assert changes["routines"].change == -1.0
    assert changes["mapping"].before is None and changes["mapping"].change is None
    assert changes["x"].before is None and changes["x"].change is None
