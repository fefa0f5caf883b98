from django.core.management.base import BaseCommand

from kcsite import mail


class Command(BaseCommand):
    help = (
        "Re-queue e-mail whose retry is due, recover messages and tasks a stopped worker left "
        "running, and prune old outbox rows (run every few minutes)."
    )

    def handle(self, *args, **options):
        recovered, stale, retried = mail.process_queue()
        pruned = mail.prune()
        self.stdout.write(
            f"{recovered} recovered, {stale} stale tasks closed, {retried} retries queued, "
            f"{pruned} old outbox rows deleted"
        )
