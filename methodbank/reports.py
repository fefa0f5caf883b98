"""The editors' search-terms report: the most frequent searches and those that found nothing."""

import io
from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Max, Min, Sum
from django.utils import timezone

from kcsite.csvsafe import SafeWriter

from .models import SearchTermStat

PERIODS = (7, 30, 90, 365)


def search_terms(days=30, limit=50):
    """``(frequent, zero)``: rows of query, searches, searches without results and last date."""
    since = timezone.localdate() - timedelta(days=days - 1)
    rows = (
        SearchTermStat.objects.filter(date__gte=since)
        .values("query")
        .annotate(searches=Sum("hits"), zero=Sum("zero_results"), last=Max("date"))
    )
    frequent = list(rows.order_by("-searches", "query")[:limit])
    zero = list(rows.filter(zero__gt=0).order_by("-zero", "query")[:limit])
    return frequent, zero


def as_csv(days=30):
    frequent, zero = search_terms(days, limit=10_000)
    out = io.StringIO()
    writer = SafeWriter(out)
    writer.writerow(["list", "query", "searches", "without_results", "last_searched"])
    for name, rows in (("frequent", frequent), ("zero_results", zero)):
        for row in rows:
            writer.writerow([name, row["query"], row["searches"], row["zero"], row["last"]])
    return out.getvalue()


def compact(before=None):
    """Fold the rows of each query and day before ``before`` (default: today) into one row.

    ``record_search`` appends a row per search; this nightly job keeps the table at one row per
    query and day for past days. Sums are unchanged. Returns how many rows were removed."""
    before = before or timezone.localdate()
    removed = 0
    groups = (
        SearchTermStat.objects.filter(date__lt=before)
        .values("query", "date")
        .annotate(rows=Count("id"), searches=Sum("hits"), zero=Sum("zero_results"), keep=Min("id"))
        .filter(rows__gt=1)
    )
    for group in list(groups):
        with transaction.atomic():
            same = SearchTermStat.objects.filter(query=group["query"], date=group["date"])
            same.filter(pk=group["keep"]).update(hits=group["searches"], zero_results=group["zero"])
            removed += same.exclude(pk=group["keep"]).delete()[0]
    return removed
