"""Time the reference library's search on the database at hand, with about 4 000 references.

Run it on a scratch or bench database (it adds references until there are ``--count``, made
from the demo's reading list with numbered titles, and keeps them for the next run):

    DATABASE_URL=sqlite:///var/bench-refs.sqlite3 .venv/bin/python ops/bench_references.py

It times ``reference_listing`` (what the reference list's view runs) for a few typical queries
``--repeat`` times and prints a markdown table (median and slowest ms, the search backend that
answered) against the 1 s goal, as ``ops/bench_admin.py`` does for the admin. ``--profile DIR``
writes a cProfile file per query.
"""

import argparse
import cProfile
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcsite.settings")

GOAL_MS = 1000
QUERIES = [
    ("one common word", "skolfrånvaro"),
    ("two words", "problematisk skolfrånvaro"),
    ("an author", "Kearney"),
    ("a word in no reference", "zebrafink"),
    ("common word, newest first, a filter", "närvaro&sort=year_desc&ref_type=article"),
]


def fill(count):
    """Add references (with authors and topics, indexed as an editor's save indexes them) until
    there are ``count``."""
    from django.db import transaction
    from wagtail.search import index

    from methodbank.library.demo import REFERENCES
    from methodbank.library.models import Reference, ReferenceAuthor

    have = Reference.objects.count()
    started = time.perf_counter()
    with transaction.atomic():
        for number in range(have, count):
            data = REFERENCES[number % len(REFERENCES)]
            reference = Reference(
                ref_type=data["ref_type"],
                title=f"{data['title']} ({number + 1})",
                year=1990 + number % 35,
                language=data["language"],
                container=data.get("container", ""),
                publisher=data.get("publisher", ""),
                summary=data.get("summary", ""),
                **{f"tier_{tier}": True for tier in data["tiers"]},
            )
            reference.authors = [
                ReferenceAuthor(name=name, sort_order=index)
                for index, name in enumerate(data["authors"])
            ]
            reference.topics.add(*data["topics"])
            reference.save()
            index.insert_or_update_object(reference)  # again, now with its authors and topics
    if count > have:
        print(f"Added {count - have} references in {time.perf_counter() - started:.0f} s.\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=Path, help="write a cProfile file per query here")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.http import QueryDict

    from methodbank.library.models import Reference
    from methodbank.library.services import reference_listing

    fill(args.count)
    rows = []
    for name, query in QUERIES:
        params = QueryDict(f"q={query}")

        def run(params=params):
            context = reference_listing(params)
            list(context["page_obj"].object_list)  # the page the visitor sees
            return context

        context = run()  # warm-up
        timings = []
        profiler = cProfile.Profile() if args.profile else None
        for _ in range(args.repeat):
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            context = run()
            if profiler:
                profiler.disable()
            timings.append((time.perf_counter() - started) * 1000)
        if profiler:
            args.profile.mkdir(parents=True, exist_ok=True)
            profiler.dump_stats(args.profile / f"references-{name.replace(' ', '-')}.prof")
        hits = context["page_obj"].paginator.count
        backend = context["search_backend"] or "-"
        rows.append((name, query, hits, backend, statistics.median(timings), max(timings)))

    total = Reference.objects.count()
    print(f"Reference search: {total} references, {connection.vendor}, {args.repeat} runs each.\n")
    print("| query | q | hits | backend | median ms | slowest ms | goal | met |")
    print("| --- | --- | ---: | --- | ---: | ---: | --- | --- |")
    for name, query, hits, backend, median, slowest in rows:
        met = "yes" if slowest < GOAL_MS else "**no**"
        print(
            f"| {name} | `{query}` | {hits} | {backend} | {median:.0f} | {slowest:.0f} "
            f"| < {GOAL_MS} | {met} |"
        )


if __name__ == "__main__":
    main()
