from django.core.management.base import BaseCommand

from methodbank.routines.services import reminders


class Command(BaseCommand):
    help = "Mail routine creators whose review date is near (once per review date)."

    def handle(self, *args, **options):
        sent = reminders.send_due()
        self.stdout.write(f"routine review reminders queued: {sent}")
