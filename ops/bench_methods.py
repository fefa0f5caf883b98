"""Write COUNT methods made from the demo methods (slugs and titles numbered by round) to OUT,
for ``import_methods``: the corpus of ``make bench`` and of the bakerydemo comparison.

Usage: python ops/bench_methods.py COUNT OUT
"""

import json
import sys
from pathlib import Path

DEMO = Path(__file__).resolve().parents[1] / "methodbank" / "demo" / "methods.json"


def bench_methods(count):
    demo = json.loads(DEMO.read_text(encoding="utf-8"))
    items = []
    for number in range(count):
        item = dict(demo[number % len(demo)])
        round_ = number // len(demo) + 1
        item.update(
            slug=f"{item['slug']}-b{round_}"[:80],
            title=f"{item['title']} ({round_})"[:120],
            locale="sv",
        )
        items.append(item)
    return items


if __name__ == "__main__":
    count, out = int(sys.argv[1]), sys.argv[2]
    Path(out).write_text(json.dumps(bench_methods(count), ensure_ascii=False), encoding="utf-8")
