"""``manage.py import_methods FILE``: import methods from a JSON file.

The format and the rules are described in docs/methods-import.md.
"""

import json
import time

from django.core.management.base import BaseCommand, CommandError

from methodbank.file_format import ImportFailed
from methodbank.importing import import_methods


class Command(BaseCommand):
    help = "Import methods from a JSON file in the format of methods.schema.json (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="path of the JSON file ('-' reads standard input)")

    def handle(self, *args, **options):
        path = options["file"]
        try:
            if path == "-":
                import sys

                data = json.load(sys.stdin)
            else:
                with open(path, encoding="utf-8") as handle:
                    data = json.load(handle)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror or error}") from error
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise CommandError(f"{path} is not valid JSON: {error}") from error

        started = time.monotonic()
        count = len(data) if isinstance(data, list) else 0
        self.stdout.write(f"Validating {count} method(s) from {path}…")

        def progress(done, total):
            self.stdout.write(f"  {done}/{total} saved ({time.monotonic() - started:.1f} s)")

        try:
            summary = import_methods(data, progress=progress)
        except ImportFailed as failure:
            for problem in failure.problems:
                self.stderr.write(f"  {problem}")
            raise CommandError(
                f"{len(failure.problems)} problem(s) found; nothing was imported."
            ) from None
        if summary.finder_created:
            self.stdout.write("Created the method finder page at /metodbank/.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {count} method(s): {summary.created} created, {summary.updated} "
                f"updated, {summary.unchanged} unchanged; search index updated "
                f"({time.monotonic() - started:.1f} s)."
            )
        )
