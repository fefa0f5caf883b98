"""``manage.py load_demo``: the demo site, written from the domain sources.

Runs every installed app's ``demo.load_demo(demo)`` in INSTALLED_APPS order, each in its own
transaction, showing progress and a summary. Idempotent: what exists is left unchanged.
"""

import time
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from kcsite.pages.demo_tools import Demo


class Command(BaseCommand):
    help = "Load the demo content (idempotent)."

    def handle(self, *args, **options):
        demo = Demo(self.stdout, self.style)
        started = time.monotonic()
        loaders = [
            (config.verbose_name, import_module(f"{config.name}.demo").load_demo)
            for config in apps.get_app_configs()
            if config.path.startswith(str(settings.BASE_DIR))
            and find_spec(f"{config.name}.demo") is not None
        ]
        for number, (name, load) in enumerate(loaders, start=1):
            self.stdout.write(f"[{number}/{len(loaders)}] {name}")
            with transaction.atomic():
                load(demo)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {demo.created} created, {demo.existing} already there "
                f"({time.monotonic() - started:.1f} s)."
            )
        )
