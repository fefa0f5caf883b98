"""Search statistics: counting visitors' searches, the editors' search-terms report (the most
frequent searches and those that found nothing), folding past days and how long they are kept.

Every query is redacted of personal identity numbers by the caller before it reaches
``record_search``: answered, never stored."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, Max, Min, OuterRef, Sum
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from kcsite import retention

from .models import SearchTermStat
from .services import clean_query

PERIODS = (7, 30, 90, 365)


def record_search(text, result_count):
    """Count a visitor's search (and whether it found nothing) for the editors' report.

    Append-only: one INSERT per search and never an UPDATE, so concurrent searches for a popular
    term do not queue on one row's lock. The report sums the rows of a day; ``compact`` folds
    past days into one row per term and day.
    """
    text = clean_query(text).lower()[:200]
    if not text:
        return
    SearchTermStat.objects.create(
        query=text, date=timezone.localdate(), hits=1, zero_results=1 if result_count == 0 else 0
    )


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


CSV_HEADER = ["list", "query", "searches", "without_results", "last_searched"]


def csv_rows(days=30):
    """The report's two lists as rows of :data:`CSV_HEADER`."""
    frequent, zero = search_terms(days, limit=10_000)
    for name, rows in (("frequent", frequent), ("zero_results", zero)):
        for row in rows:
            yield [name, row["query"], row["searches"], row["zero"], row["last"]]


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


# --- retention: the report's rows and Wagtail's search-promotion query log (``Query`` /
# ``QueryDailyHits``) go after ``SEARCH_STATS_RETENTION_DAYS`` (``kcsite.retention``, nightly) --


def retention_days():
    return int(getattr(settings, "SEARCH_STATS_RETENTION_DAYS", 180))


def purge_expired(now):
    """Delete search statistics from before ``SEARCH_STATS_RETENTION_DAYS`` days ago; a query
    an editor promotes results for is kept (its promotions hang on it), only its old daily hits
    go. Registered with the ``kc_retention`` hook."""
    cutoff = timezone.localdate(now) - timedelta(days=retention_days())
    term_days, _ = SearchTermStat.objects.filter(date__lt=cutoff).delete()
    daily_hits, _ = QueryDailyHits.objects.filter(date__lt=cutoff).delete()
    orphans = Query.objects.annotate(
        has_hits=Exists(QueryDailyHits.objects.filter(query=OuterRef("pk"))),
        promoted=Exists(SearchPromotion.objects.filter(query=OuterRef("pk"))),
    ).filter(has_hits=False, promoted=False)
    queries, _ = Query.objects.filter(pk__in=orphans.values("pk")).delete()
    return retention.Summary(
        count=term_days + daily_hits + queries,
        detail=(
            f"before {cutoff.isoformat()}: {term_days} report rows, {daily_hits} daily hit rows "
            f"of the promotion log, {queries} queries no longer used"
        ),
    )
