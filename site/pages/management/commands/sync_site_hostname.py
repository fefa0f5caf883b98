from django.core.management.base import BaseCommand

from kcsite.pages.site_address import base_url_host_and_port, sync_site_hostname


class Command(BaseCommand):
    help = "Set the default Wagtail Site's hostname and port from BASE_URL (run after deploys)."

    def handle(self, *args, **options):
        changed = sync_site_hostname()
        host, port = base_url_host_and_port()
        self.stdout.write(f"Site: {host}:{port} ({'changed' if changed else 'unchanged'})")
