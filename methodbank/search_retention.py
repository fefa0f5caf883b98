"""How long search statistics are kept: the editors' report (``SearchTermStat``) and Wagtail's
search-promotion query log (``Query`` / ``QueryDailyHits``) are purged after
``SEARCH_STATS_RETENTION_DAYS`` (``manage.py purge_search_statistics``, nightly)."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from .models import SearchTermStat


@dataclass(frozen=True)
class Purged:
    cutoff: object  # the first day that is kept
    term_days: int  # SearchTermStat rows (one query on one day)
    daily_hits: int  # QueryDailyHits rows
    queries: int  # Query rows left with no hits and no editors' promotion


def retention_days():
    return int(getattr(settings, "SEARCH_STATS_RETENTION_DAYS", 180))


def purge_search_statistics(days=None, today=None):
    """Delete search statistics from before ``today - days``; a query an editor promotes
    results for is kept (its promotions hang on it), only its old daily hits go."""
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=retention_days() if days is None else days)
    with transaction.atomic():
        term_days, _ = SearchTermStat.objects.filter(date__lt=cutoff).delete()
        daily_hits, _ = QueryDailyHits.objects.filter(date__lt=cutoff).delete()
        orphans = Query.objects.annotate(
            has_hits=Exists(QueryDailyHits.objects.filter(query=OuterRef("pk"))),
            promoted=Exists(SearchPromotion.objects.filter(query=OuterRef("pk"))),
        ).filter(has_hits=False, promoted=False)
        queries, _ = Query.objects.filter(pk__in=orphans.values("pk")).delete()
    return Purged(cutoff=cutoff, term_days=term_days, daily_hits=daily_hits, queries=queries)
