from django.core.management.base import BaseCommand

from events.services import retention


class Command(BaseCommand):
    help = (
        "Remove personal data from registrations for events that ended longer ago than "
        "EVENTS_RETENTION_DAYS (default 365). Run it from cron, e.g. nightly."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue", action="store_true", help="Queue the work as a task instead of running it"
        )

    def handle(self, *args, queue=False, **options):
        if queue:
            result = retention.anonymise_registrations.enqueue()
            self.stdout.write(f"Queued anonymisation task {result.id}")
            return
        count = retention.anonymise_expired()
        self.stdout.write(f"{count} registration(s) anonymised")
