"""The Wagtail Site's hostname and port follow ``BASE_URL``.

Wagtail builds canonical links, ``og:url``, the sitemap and the print view from the Site's
hostname and port, not from the request; they must match the public address. ``load_demo``
and a migration call :func:`sync_site_hostname`; in production run
``manage.py sync_site_hostname`` after changing ``BASE_URL``.
"""

from urllib.parse import urlsplit

from django.conf import settings


def base_url_host_and_port(base_url=None):
    parts = urlsplit(base_url or settings.WAGTAILADMIN_BASE_URL)
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)


def sync_site_hostname(site_model=None):
    """Give the default Site ``BASE_URL``'s host and port; returns the number of rows changed."""
    if site_model is None:
        from wagtail.models import Site as site_model
    host, port = base_url_host_and_port()
    changed = (
        site_model.objects.filter(is_default_site=True)
        .exclude(hostname=host, port=port)
        .update(hostname=host, port=port)
    )
    if changed:
        from wagtail.models import Site

        Site.clear_site_root_paths_cache()
    return changed
