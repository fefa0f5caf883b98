import pytest

from .relevance import ndcg, reciprocal_rank


def test_reciprocal_rank():
    judgments = {"a": 3, "b": 1}
    assert reciprocal_rank(["a", "x"], judgments) == 1
    assert reciprocal_rank(["x", "y", "b"], judgments) == pytest.approx(1 / 3)
    assert reciprocal_rank(["x"] * 10 + ["a"], judgments) == 0


def test_ndcg_is_one_for_the_ideal_order_and_less_otherwise():
    judgments = {"a": 3, "b": 2, "c": 1}
    assert ndcg(["a", "b", "c"], judgments) == pytest.approx(1)
    assert ndcg(["c", "b", "a"], judgments) < 1
    assert ndcg(["x", "y"], judgments) == 0
