"""Relevance evaluation of the site's Swedish search.

Two sets of graded judgments, each a JSON file of queries: for each query, the methods (by slug)
that answer it and how well (3 = exactly what was asked for, 2 = clearly relevant,
1 = partly relevant, missing = not relevant).

* **set 1** (``judgments.json``) over the demo methods: the set the search is tuned on.
* **set 2** (``set2/``) over 43 further methods written in another voice (``set2/methods.json``,
  imported only by the relevance test), with queries and judgments written before anything was
  measured on them. It is never tuned on: it shows how the search generalises.
* **set 3** (``set3/``) over 50 methods in yet other voices (social services, child psychiatry,
  pupil-health teams, municipal guidance, staff-meeting notes, research summaries), with 56
  queries written before any judging and without reading the search code or running it: a
  blind *development* set. Its failures may point at general weaknesses of the analysis or the
  ranking; word lists, synonyms and weights are never fitted to it.

The search under test is the method finder's (``kcsite.search.services.search_ids`` with the
query built by ``methodbank.searching``): strong hits first, then the weaker ones the finder
shows below its divider.

* MRR@10: the mean over queries of 1/rank of the first result with grade >= 1 within the top
  ten (0 when there is none).
* nDCG@5: discounted cumulative gain of the top five with gain 2^grade - 1, divided by the
  ideal ordering's.
* precision@10: the share of the first ten hits (or of all hits, when there are fewer) that are
  judged relevant: low when the list is padded with methods that merely share a word.
* recall: the share of a query's judged methods that are among its hits at all.
* hits: how many methods a query returns, and how many of them are strong (above the divider).
"""

import json
import math
from pathlib import Path

HERE = Path(__file__).resolve().parent
JUDGMENTS = HERE / "judgments.json"
# set name -> (judgments, methods imported for it; None: the demo methods)
SETS = {
    "set1": (JUDGMENTS, None),
    "set2": (HERE / "set2" / "judgments.json", HERE / "set2" / "methods.json"),
    "set3": (HERE / "set3" / "judgments.json", HERE / "set3" / "methods.json"),
}
REPORTS = Path(__file__).resolve().parents[2] / "var" / "test-reports"


def load_judgments(path=JUDGMENTS):
    return json.loads(Path(path).read_text("utf-8"))["queries"]


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


def precision(ranked, judgments, k=10):
    top = ranked[:k]
    return sum(1 for slug in top if judgments.get(slug, 0) >= 1) / len(top) if top else 0.0


def evaluate(search, queries):
    """``search(text)`` returns ``(slugs best first, number of strong hits)``.
    Returns (mrr, ndcg, per-query rows)."""
    rows = []
    for entry in queries:
        ranked, strong = search(entry["query"])
        rows.append(
            {
                "id": entry["id"],
                "query": entry["query"],
                "category": entry.get("category", ""),
                "rr": reciprocal_rank(ranked, entry["judgments"]),
                "ndcg": ndcg(ranked, entry["judgments"]),
                "p10": precision(ranked, entry["judgments"]),
                "recall": len(set(ranked) & set(entry["judgments"])) / len(entry["judgments"]),
                "hits": len(ranked),
                "strong": strong,
                "top": ranked[:3],
            }
        )
    mrr = sum(row["rr"] for row in rows) / len(rows)
    mean_ndcg = sum(row["ndcg"] for row in rows) / len(rows)
    return mrr, mean_ndcg, rows


def by_category(rows, key):
    groups = {}
    for row in rows:
        groups.setdefault(row["category"], []).append(row[key])
    return {name: sum(values) / len(values) for name, values in sorted(groups.items())}


def report(name, mrr, mean_ndcg, rows, required):
    """Print the figures and write them to var/test-reports/relevance-<name>.txt."""

    def mean(key):
        return sum(row[key] for row in rows) / len(rows)

    needs = ", ".join(f"{key} >= {value:.2f}" for key, value in required.items())
    lines = [
        f"Relevance ({name}): MRR@10 = {mrr:.3f}, nDCG@5 = {mean_ndcg:.3f}, "
        f"precision@10 = {mean('p10'):.3f} over {len(rows)} queries (required: {needs})",
        f"  recall {mean('recall'):.3f}; hits per query {mean('hits'):.1f} "
        f"(strong {mean('strong'):.1f}, max {max(row['hits'] for row in rows)})",
        "  MRR@10 by category: "
        + ", ".join(f"{k} {v:.2f}" for k, v in by_category(rows, "rr").items()),
        "  nDCG@5 by category: "
        + ", ".join(f"{k} {v:.2f}" for k, v in by_category(rows, "ndcg").items()),
    ]
    weak = sorted(rows, key=lambda row: row["ndcg"])[:8]
    lines.append(
        "  weakest queries (nDCG@5): "
        + "; ".join(
            f"{row['query']!r} {row['ndcg']:.2f} hits={row['hits']} top={row['top']}"
            for row in weak
            if row["ndcg"] < 0.8
        )
    )
    lines.append(
        "  per query (p@10 / strong / hits): "
        + "; ".join(f"{row['id']} {row['p10']:.1f}/{row['strong']}/{row['hits']}" for row in rows)
    )
    text = "\n".join(lines)
    print("\n" + text)
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / f"relevance-{name}.txt").write_text(text + "\n", "utf-8")
    return text
