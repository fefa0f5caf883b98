from django.conf import settings
from django.core.management.base import BaseCommand

from network.support.services.retention import anonymise_expired


class Command(BaseCommand):
    help = (
        "Anonymise free text and contact details of support requests that have been closed, "
        "declined, referred or cancelled for longer than SUPPORT_RETENTION_MONTHS (run nightly)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help=f"retention in months (default {settings.SUPPORT_RETENTION_MONTHS})",
        )

    def handle(self, *args, **options):
        count = anonymise_expired(months=options["months"])
        self.stdout.write(f"{count} support requests anonymised")
