import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from kcsite.documents import serve_document
from kcsite.media import CHECKED_FOLDERS, serve_checked, serve_public
from kcsite.pages.language import set_language
from kcsite.pages.sitemap import AllLocalesSitemap
from kcsite.pages.views import favicon
from kcsite.search.views import autocomplete_view, search_view

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view with Cache-Control for restricted files (same pattern and name).
    re_path(r"^dokument/(\d+)/(.*)$", serve_document, name="wagtaildocs_serve"),
    path("dokument/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLocalesSitemap}}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("i18n/setlang/", set_language, name="set_language"),
    path("favicon.ico", favicon, name="favicon"),
]

# Films, sound files, their thumbnails and captions: after their view restrictions, in every
# setup (kcsite.media). Documents are served through Wagtail's view, which enforces privacy (the
# member area's files), so /media/documents/ is never served directly.
MEDIA_PREFIX = re.escape(settings.MEDIA_URL.lstrip("/"))
urlpatterns.append(
    re_path(
        rf"^{MEDIA_PREFIX}(?P<folder>{'|'.join(CHECKED_FOLDERS)})/(?P<path>.+)$",
        serve_checked,
        name="media-checked",
    )
)
if settings.DEBUG:
    # Public images; in production nginx serves them from MEDIA_ROOT (or the object store).
    for folder in ("images", "original_images"):
        urlpatterns.append(
            re_path(
                rf"^{MEDIA_PREFIX}{folder}/(?P<path>.*)$",
                serve_public,
                {"document_root": settings.MEDIA_ROOT / folder},
            )
        )

urlpatterns += i18n_patterns(
    path("sok/", search_view, name="search"),
    path("sok/forslag/", autocomplete_view, name="search-autocomplete"),
    path("", include("methodbank.urls")),
    path("", include("events.urls")),
    path("", include("network.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "kcsite.pages.views.bad_request"
handler404 = "kcsite.pages.views.page_not_found"
handler500 = "kcsite.pages.views.server_error"
