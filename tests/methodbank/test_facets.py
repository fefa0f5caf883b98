"""The finder's facet index against a plain re-implementation of its rules."""

import datetime
import random

from methodbank import taxonomy
from methodbank.facets import FacetIndex, set_bits


def _row(pk, rng):
    row = {"pk": pk, "title": f"Metod {rng.choice('abcåäöz')}{pk}", "first_published_at": None}
    if rng.random() < 0.9:
        row["first_published_at"] = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC) + (
            datetime.timedelta(days=rng.randrange(300))
        )
    for facet in taxonomy.FACETS:
        if facet.multiple:
            row[facet.field] = rng.sample(facet.codes, rng.randrange(len(facet.codes) + 1))
        else:
            row[facet.field] = rng.choice(facet.codes + [""])
    return row


def _matches(row, selected, skip=None):
    return all(
        set(taxonomy.FACETS_BY_PARAM[param].values_of(row)) & set(codes)
        for param, codes in selected.items()
        if param != skip
    )


def test_counts_and_matches_follow_or_within_and_across_facets():
    rng = random.Random(7)
    rows = [_row(pk, rng) for pk in range(1, 301)]
    index = FacetIndex.build(rows)
    for _ in range(40):
        selected = {}
        for facet in rng.sample(taxonomy.FACETS, rng.randrange(4)):
            selected[facet.param] = rng.sample(facet.codes, rng.randrange(1, 3))
        hits = {row["pk"] for row in rng.sample(rows, 120)}
        base = index.mask_of(hits | {9999})  # an id the index does not know is left out
        matching, counts = index.narrow(base, selected)

        expected = {row["pk"] for row in rows if row["pk"] in hits and _matches(row, selected)}
        assert {index.rows[n]["pk"] for n in set_bits(matching)} == expected
        for facet in taxonomy.FACETS:
            for code in facet.codes:
                wanted = sum(
                    1
                    for row in rows
                    if row["pk"] in hits
                    and code in facet.values_of(row)
                    and _matches(row, selected, skip=facet.param)
                )
                assert counts[facet.param][code] == wanted, (facet.param, code, selected)


def test_orders_title_newest_and_relevance():
    rng = random.Random(3)
    rows = [_row(pk, rng) for pk in range(1, 60)]
    index = FacetIndex.build(rows)
    everything = index.everything

    newest = [index.rows[n] for n in index.ordered(everything, "newest")]
    dates = [row["first_published_at"] for row in newest if row["first_published_at"]]
    assert dates == sorted(dates, reverse=True)
    assert newest[0]["first_published_at"] is None  # not yet published counts as newest

    ranked = [rows[5]["pk"], rows[2]["pk"], 12345, rows[40]["pk"]]
    assert [index.rows[n]["pk"] for n in index.ordered(everything, "relevance", ranked)] == [
        rows[5]["pk"],
        rows[2]["pk"],
        rows[40]["pk"],
    ]


def test_title_order_is_swedish():
    rng = random.Random(1)
    rows = []
    for pk, title in enumerate(["Örat", "Ängel", "Zebra", "Åsna", "apa"], start=1):
        rows.append({**_row(pk, rng), "title": title})
    index = FacetIndex.build(rows)
    titles = [index.rows[n]["title"] for n in index.ordered(index.everything, "title")]
    assert titles == ["apa", "Zebra", "Åsna", "Ängel", "Örat"]


def test_set_bits_lists_positions_lowest_first():
    assert set_bits(0) == []
    assert set_bits(0b101001) == [0, 3, 5]
    assert set_bits(1 << 2000) == [2000]


def test_points_add_the_weights_of_the_codes_each_row_shares():
    empty = {facet.field: [] if facet.multiple else "" for facet in taxonomy.FACETS}
    rows = [
        {
            **empty,
            "pk": 1,
            "title": "A",
            "first_published_at": None,
            "tiers": ["act"],
            "kind": "method",
        },
        {
            **empty,
            "pk": 2,
            "title": "B",
            "first_published_at": None,
            "tiers": ["act"],
            "kind": "tool",
        },
        {**empty, "pk": 3, "title": "C", "first_published_at": None, "audiences": ["guardian"]},
    ]
    index = FacetIndex.build(rows)
    points = index.points([("tier", "act", 3), ("kind", "method", 2), ("tier", "promote", 3)])
    assert {index.rows[n]["pk"]: score for n, score in points.items()} == {1: 5, 2: 3}
