"""``manage.py anonymise_expired``: run every app's retention function (kcsite.retention)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kcsite import retention


class Command(BaseCommand):
    help = (
        "Forget personal data kept longer than each app's retention period: runs every "
        "function registered with the kc_retention hook (kcsite.retention). Run nightly."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="report what would be anonymised or deleted, then roll everything back",
        )
        parser.add_argument(
            "--only",
            action="append",
            metavar="NAME",
            help="run only this function (app.function; repeat for more)",
        )

    def handle(self, *args, dry_run=False, only=None, **options):
        try:
            functions = retention.selected(only)
        except KeyError as unknown:
            registered = ", ".join(retention.registered()) or "none"
            raise CommandError(
                f"Unknown retention function {unknown}; registered: {registered}"
            ) from None
        if not functions:
            self.stdout.write("No retention functions are registered.")
            return
        now = timezone.now()
        verb = "would be forgotten" if dry_run else "forgotten"
        total, failed = 0, []
        for name, function in functions.items():
            self.stdout.write(f"{name} …", ending="")
            self.stdout.flush()
            outcome = retention.run_one(name, function, now, dry_run=dry_run)
            if outcome.error is not None:
                failed.append(name)
                self.stdout.write(" failed")
                self.stderr.write(f"{name}: {outcome.error!r}")
                continue
            total += outcome.summary.count
            self.stdout.write(f" {outcome.summary} {verb}")
        done = len(functions) - len(failed)
        self.stdout.write(
            f"{total} {verb} by {done} of {len(functions)} functions"
            + (" (dry run: nothing changed)" if dry_run else "")
        )
        if failed:
            raise CommandError(f"Retention failed in {', '.join(failed)}")
