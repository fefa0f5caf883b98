"""What the Swedish search analysis costs per query, on the configured database and search
backend (production-like: PostgreSQL + OpenSearch with the bench's 2 000 methods).

    DATABASE_URL=… ELASTICSEARCH_URL=… SEARCH_ENGINE=opensearch2 SEARCH_INDEX=… \\
        .venv/bin/python ops/search_cost.py [repeats]

Prints, in milliseconds (median over the queries and repeats):
* loading the lexicon (hunspell-sv + wordfreq) once per process, and its memory;
* analysing a query with cold word caches (every word new) and warm ones;
* one backend search of the built query (what the finder asked before) against the finder's
  ranking (``search_ranked``), without the finder's result cache: with every concept asked of
  the backend (concept cache off; word caches cold, as after a restart, and warm), and for a
  new text whose words were searched before except one (a number), as most new searches are;
* building the core-field index once per process and content generation;
* the compound parts of one method at index time (cold caches).
"""

import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcsite.settings")

import django  # noqa: E402

django.setup()

from django.test import override_settings  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from kcsite.search import analysis, lexicon, vocabulary, words  # noqa: E402
from kcsite.search.ranking import core_index, search_ranked  # noqa: E402
from kcsite.search.services import search_ids  # noqa: E402
from methodbank.models import MethodFinderPage, MethodPage  # noqa: E402
from methodbank.services import CORE_FIELDS, MAX_HITS  # noqa: E402

QUERIES = [
    "frånvaro",
    "kartläggning",
    "skolk",
    "samtal med vårdnadshavare",
    "narvaro",
    "hemmasittare",
    "elevhälsoteam",
    "frånvarokartläggningen",
    "vårdnadshavre",
    "hur kan lärare upptäcka tidiga tecken på frånvaro",
    "vad gör vi när en elev inte kommer till skolan",
]


def clear_word_caches():
    for cached in (lexicon.zipf, lexicon.lemmas, lexicon.split_compound, lexicon._best_split):
        cached.cache_clear()
    words.clear_word_caches()


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    function(*args, **kwargs)
    return time.perf_counter() - started


def main(repeats):
    started = time.perf_counter()
    lexicon.lexicon()
    lexicon.zipf("skola")  # loads wordfreq's Swedish list
    load = time.perf_counter() - started
    lexicon.lexicon.cache_clear()
    tracemalloc.start()  # (slows allocation down: measured apart from the time)
    lexicon.lexicon()
    memory = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    finder = MethodFinderPage.objects.get(locale__language_code="sv")
    methods = finder.methods()
    count = methods.count()
    vocabulary.vocabulary()  # built once per content version, shared through the cache

    started = time.perf_counter()
    core_index(methods, CORE_FIELDS)
    core_build = time.perf_counter() - started

    def rank(text):
        return timed(
            search_ranked, methods, text, limit=MAX_HITS, verify=False, core_fields=CORE_FIELDS
        )

    cold, warm, single, ranked, ranked_warm, known = [], [], [], [], [], []
    number = 0
    for _ in range(repeats):
        for text in QUERIES:
            clear_word_caches()
            cold.append(timed(analysis.analyse, text))
            warm.append(timed(analysis.analyse, text))
            single.append(timed(search_ids, methods, text, limit=MAX_HITS, verify=False))
            with override_settings(SEARCH_CONCEPT_CACHE_SECONDS=0):  # every concept asked
                clear_word_caches()
                ranked.append(rank(text))  # the words analysed cold, then warm
                ranked_warm.append(rank(text))
            number += 1
            rank(text)  # its concepts now in the cache, as after anyone's search with them
            known.append(rank(f"{text} {number}"))  # a new text: one new word, the rest known
    indexing = []
    for method in MethodPage.objects.live()[:50]:
        clear_word_caches()
        indexing.append(timed(method.compound_parts))

    backend = type(get_search_backend()).__module__
    print(f"search cost on {backend}, {count} live methods, {len(QUERIES)} queries × {repeats}")
    print(f"  lexicon load (once per process): {load:.2f} s, {memory:.0f} MB")
    print(f"  analysis per query: cold {ms(statistics.median(cold))}, ", end="")
    print(f"warm {ms(statistics.median(warm))} (max cold {ms(max(cold))})")
    print(f"  one backend query (before): median {ms(statistics.median(single))}, ", end="")
    print(f"p95 {ms(statistics.quantiles(single, n=20)[-1])}")
    print(f"  core index of {count} methods (once per process and content generation): ", end="")
    print(ms(core_build))
    rows = (
        ("every concept asked, cold word caches", ranked),
        ("every concept asked, warm word caches", ranked_warm),
        ("a new text of known words plus one new word", known),
    )
    for label, times in rows:
        print(f"  finder ranking, {label}: median {ms(statistics.median(times))}, ", end="")
        print(f"p95 {ms(statistics.quantiles(times, n=20)[-1])}")
    print(f"  compound parts per method at index time: {ms(statistics.median(indexing))}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
