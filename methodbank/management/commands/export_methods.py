"""``manage.py export_methods [FILE]``: write every method in the import format."""

import json

from django.core.management.base import BaseCommand

from methodbank.file_format import export_methods


class Command(BaseCommand):
    help = "Export methods as JSON in the format of methods.schema.json (stdout without FILE)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="output path (default: standard output)")
        parser.add_argument("--locale", choices=["sv", "en"], help="only this language")

    def handle(self, *args, **options):
        items = export_methods(locale=options.get("locale"))
        text = json.dumps(items, ensure_ascii=False, indent=2) + "\n"
        if options.get("file"):
            with open(options["file"], "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stderr.write(f"Wrote {len(items)} method(s) to {options['file']}.")
        else:
            self.stdout.write(text, ending="")
