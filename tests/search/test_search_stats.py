"""Search statistics are appended, never updated in place, and compacted nightly."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kcsite.search.models import SearchTermStat
from kcsite.search.stats import record_search, search_terms

pytestmark = pytest.mark.django_db


def test_recording_a_search_only_inserts_so_popular_terms_share_no_row_lock():
    record_search("Frånvaro", 4)
    with CaptureQueriesContext(connection) as queries:
        record_search("frånvaro", 4)
        record_search("frånvaro", 0)
    statements = [query["sql"].lstrip().split()[0].upper() for query in queries]
    assert statements == ["INSERT", "INSERT"]
    frequent, zero = search_terms(days=1)
    assert [(row["query"], row["searches"], row["zero"]) for row in frequent] == [
        ("frånvaro", 3, 1)
    ]
    assert [row["query"] for row in zero] == ["frånvaro"]


def test_compacting_folds_past_days_into_one_row_per_term_and_keeps_the_sums(capsys):
    yesterday = timezone.localdate() - timedelta(days=1)
    for zero in (0, 1, 0):
        SearchTermStat.objects.create(query="skolk", date=yesterday, hits=1, zero_results=zero)
    SearchTermStat.objects.create(query="mentor", date=yesterday, hits=1)
    record_search("skolk", 2)  # today: left as it is
    record_search("skolk", 2)
    before = search_terms(days=2)

    call_command("compact_search_stats")

    assert "2 row(s)" in capsys.readouterr().out
    past = SearchTermStat.objects.get(query="skolk", date=yesterday)
    assert (past.hits, past.zero_results) == (3, 1)
    assert SearchTermStat.objects.filter(date=timezone.localdate()).count() == 2
    assert search_terms(days=2) == before
