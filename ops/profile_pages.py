"""Profile each public page type, uncached: SQL queries, time per request and where it goes.

    DJANGO_ENV=production … PAGE_CACHE_SECONDS=0 .venv/bin/python ops/profile_pages.py \
        [--requests N] [--profile] [--only NAME]

Runs Django's test client in this process against the configured database (use the bench's or
another production-like one; nothing is written but search statistics). For every page type it
prints the number of SQL queries, the mean time of N requests and, with ``--profile``, a
pyinstrument profile of those requests (the functions that take more than 3 % of the time).
Not run by ``make test``; ``docs/benchmarks.md`` holds its output.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcsite.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def page_urls():
    """One address per public page type, looked up in the database."""
    from events.models import EventPage
    from methodbank.library.models import FilmPage, ReferenceLibraryPage
    from methodbank.models import MethodFinderPage, MethodPage

    def first_url(model):
        page = model.objects.live().public().filter(locale__language_code="sv").order_by("pk")
        page = page.last() if model is MethodPage else page.first()
        return page.url if page else None

    finder = first_url(MethodFinderPage)
    return {
        "home": "/",
        "method page": first_url(MethodPage),
        "finder": finder,
        "finder with text": finder and finder + "?q=frånvaro+skolan",
        "finder, new search": finder and finder + "?q=frånvaro+skolan+{n}",  # new text each time
        "event page": first_url(EventPage),
        "film page": first_url(FilmPage),
        "reference list": first_url(ReferenceLibraryPage),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--profile", action="store_true", help="pyinstrument profile per page")
    parser.add_argument("--only", help="one page type (e.g. 'method page')")
    args = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1")
    numbers = iter(range(10**9))
    for name, pattern in page_urls().items():
        if pattern is None or (args.only and name != args.only):
            continue
        url = pattern.replace("{n}", "0")
        for _ in range(2):  # warm-up: per-process memos and indexes are built once
            client.get(pattern.replace("{n}", str(next(numbers))), secure=True)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(pattern.replace("{n}", str(next(numbers))), secure=True)
        # counted now: the next request resets the connection's query log
        status, query_count = response.status_code, len(queries)
        profiler = None
        if args.profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005)
            profiler.start()
        started = time.perf_counter()
        for _ in range(args.requests):
            client.get(pattern.replace("{n}", str(next(numbers))), secure=True)
        elapsed = (time.perf_counter() - started) / args.requests * 1000
        if profiler:
            profiler.stop()
        print(
            f"{name:18} {url:45} status {status}  {query_count:3} queries  "
            f"{elapsed:6.1f} ms/request  {len(response.content):7} bytes"
        )
        if profiler:
            print(
                profiler.output_text(
                    unicode=False,
                    color=False,
                    show_all=False,
                    short_mode=True,
                    time="percent_of_total",
                )
            )


if __name__ == "__main__":
    main()
