"""Relevance evaluation of the site's Swedish search over the demo methods.

``tests/search/judgments.json`` holds graded judgments: for each query, the methods (by slug)
that answer it and how well (3 = exactly what was asked for, 2 = clearly relevant,
1 = partly relevant, missing = not relevant). The search under test is the method finder's
(``kcsite.search.services.search_ids`` with the query built by ``methodbank.searching``).

* MRR@10: the mean over queries of 1/rank of the first result with grade >= 1 within the top
  ten (0 when there is none).
* nDCG@5: discounted cumulative gain of the top five with gain 2^grade - 1, divided by the
  ideal ordering's.
* recall: the share of a query's judged methods that are among its hits at all; with the
  number of hits per query, it shows whether the whole hit list — which the finder counts and
  filters — holds what it should without swelling with noise.
"""

import json
import math
from pathlib import Path

JUDGMENTS = Path(__file__).resolve().parent / "judgments.json"
REPORTS = Path(__file__).resolve().parents[2] / "var" / "test-reports"


def load_judgments():
    return json.loads(JUDGMENTS.read_text("utf-8"))["queries"]


def reciprocal_rank(ranked, judgments, k=10):
    for position, slug in enumerate(ranked[:k], start=1):
        if judgments.get(slug, 0) >= 1:
            return 1 / position
    return 0.0


def ndcg(ranked, judgments, k=5):
    def dcg(grades):
        return sum(
            (2**grade - 1) / math.log2(position + 1)
            for position, grade in enumerate(grades, start=1)
        )

    actual = dcg([judgments.get(slug, 0) for slug in ranked[:k]])
    ideal = dcg(sorted(judgments.values(), reverse=True)[:k])
    return actual / ideal if ideal else 0.0


def evaluate(search, queries):
    """``search(text)`` returns slugs, best first. Returns (mrr, ndcg, per-query rows)."""
    rows = []
    for entry in queries:
        ranked = search(entry["query"])
        rows.append(
            {
                "id": entry["id"],
                "query": entry["query"],
                "category": entry.get("category", ""),
                "rr": reciprocal_rank(ranked, entry["judgments"]),
                "ndcg": ndcg(ranked, entry["judgments"]),
                "recall": len(set(ranked) & set(entry["judgments"])) / len(entry["judgments"]),
                "hits": len(ranked),
                "top": ranked[:3],
            }
        )
    mrr = sum(row["rr"] for row in rows) / len(rows)
    mean_ndcg = sum(row["ndcg"] for row in rows) / len(rows)
    return mrr, mean_ndcg, rows


def report(backend, mrr, mean_ndcg, rows, threshold):
    """Print the figures and write them to var/test-reports/relevance-<backend>.txt."""
    by_category = {}
    for row in rows:
        by_category.setdefault(row["category"], []).append(row["rr"])

    def mean(key):
        return sum(row[key] for row in rows) / len(rows)

    lines = [
        f"Relevance ({backend}): MRR@10 = {mrr:.3f}, nDCG@5 = {mean_ndcg:.3f} over "
        f"{len(rows)} queries (required MRR@10 >= {threshold:.2f})",
        f"  recall {mean('recall'):.3f}, {mean('hits'):.1f} hits per query on average",
        "  MRR@10 by category: "
        + ", ".join(
            f"{name} {sum(v) / len(v):.2f} ({len(v)})" for name, v in sorted(by_category.items())
        ),
    ]
    misses = [row for row in rows if row["rr"] < 0.5]
    if misses:
        lines.append(
            "  weakest queries: "
            + "; ".join(
                f"{row['query']!r} rr={row['rr']:.2f} top={row['top']}" for row in misses[:12]
            )
        )
    text = "\n".join(lines)
    print("\n" + text)
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / f"relevance-{backend}.txt").write_text(text + "\n", "utf-8")
    return text
