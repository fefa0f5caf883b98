"""``manage.py ensure_editor``: an editor account for the local demo, with a random password.

Creates the superuser ``redaktor`` if no superuser exists, with a random password that is
printed once and kept in ``var/editor-login.txt`` (readable only by you) so later runs can
show it again. Never a fixed, well-known password.

Development only: with ``DJANGO_ENV=production`` it refuses (create staff accounts there with
``manage.py createsuperuser``), so no password is ever written to a file on a server.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

USERNAME = "redaktor"


class Command(BaseCommand):
    help = "Create a local editor account if none exists and print how to log in."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError(
                "ensure_editor is for local development only; in production create accounts "
                "with `manage.py createsuperuser`."
            )
        login_file = settings.VAR_DIR / "editor-login.txt"
        user_model = get_user_model()
        admin_url = f"{settings.WAGTAILADMIN_BASE_URL}/admin/"
        if not user_model.objects.filter(is_superuser=True).exists():
            password = secrets.token_urlsafe(12)
            user = user_model.objects.create_superuser(
                USERNAME, "redaktor@example.org", password, first_name="Demo", last_name="Redaktör"
            )
            user.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
            login_file.parent.mkdir(parents=True, exist_ok=True)
            login_file.write_text(f"{USERNAME}\n{password}\n", "utf-8")
            login_file.chmod(0o600)
        if login_file.exists():
            username, password = login_file.read_text("utf-8").split()[:2]
            self.stdout.write(
                self.style.SUCCESS(
                    f"Log in at {admin_url} as '{username}' with password '{password}' "
                    f"(kept in {login_file})."
                )
            )
        else:
            self.stdout.write(
                f"Log in at {admin_url} with your existing account "
                "(`python manage.py changepassword USER` sets a new password)."
            )
