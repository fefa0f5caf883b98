from django.core.management.base import BaseCommand

from network.support.services.booking import generate_slots


class Command(BaseCommand):
    help = (
        "Create bookable times from the active weekly patterns for their coming weeks (run daily)."
    )

    def handle(self, *args, **options):
        created = generate_slots()
        self.stdout.write(f"{created} new bookable times")
