from django.core.management.base import BaseCommand

from events.services import reminders


class Command(BaseCommand):
    help = "Send reminders for events starting soon (each one once). Run it from cron, e.g. hourly."

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue", action="store_true", help="Queue the work as a task instead of running it"
        )

    def handle(self, *args, queue=False, **options):
        if queue:
            result = reminders.send_reminders.enqueue()
            self.stdout.write(f"Queued reminders task {result.id}")
            return
        sent = reminders.send_due_reminders()
        self.stdout.write(f"{sent} reminder(s) sent")
