from django.core.management.base import BaseCommand

from kcsite.search.stats import purge_search_statistics, retention_days


class Command(BaseCommand):
    help = (
        "Delete search statistics (the editors' report and Wagtail's search-promotion query "
        "log) older than SEARCH_STATS_RETENTION_DAYS. Idempotent; run nightly."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="keep this many days instead")

    def handle(self, *args, days=None, **options):
        if days is not None and days < 0:
            self.stderr.write("--days must be 0 or more")
            return
        purged = purge_search_statistics(days=days)
        self.stdout.write(
            f"Search statistics before {purged.cutoff.isoformat()} "
            f"(kept {days if days is not None else retention_days()} days) deleted: "
            f"{purged.term_days} report rows, {purged.daily_hits} daily hit rows of the "
            f"promotion log, {purged.queries} queries no longer used."
        )
