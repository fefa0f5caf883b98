"""kcsite.pagination.paginate: a missing, bad or too high page number never errors."""

import pytest

from kcsite.pagination import paginate

ITEMS = list(range(25))


@pytest.mark.parametrize(
    ("number", "expected"),
    [(None, 1), ("", 1), ("2", 2), ("x", 1), ("99", 3), (3, 3)],
)
def test_page_number(number, expected):
    page = paginate(ITEMS, number, 10)
    assert page.number == expected
    assert page.paginator.count == 25


def test_empty_list_is_one_empty_page():
    page = paginate([], "4", 10)
    assert (page.number, list(page.object_list)) == (1, [])
