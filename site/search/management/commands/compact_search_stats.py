"""``manage.py compact_search_stats``: one row per search term and day for past days (nightly)."""

from django.core.management.base import BaseCommand

from kcsite.search.stats import compact


class Command(BaseCommand):
    help = "Fold the search statistics of past days into one row per term and day."

    def handle(self, *args, **options):
        removed = compact()
        self.stdout.write(f"Search statistics compacted: {removed} row(s) folded.")
