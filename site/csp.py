"""The Content-Security-Policy (django-csp): the public site may load only its own scripts,
styles, images and media, and frame only the two film players (YouTube's privacy-enhanced
domain and Vimeo's player). Scripts are strict (own files, no inline code); styles allow
inline ``style`` attributes, which Wagtail's responsive embeds and the admin write.

The admin (Wagtail) needs a little more: inline scripts and ``blob:`` images. Its policy is
the public one with those additions (:class:`SitePolicyMiddleware`).

``CSP_ENFORCE`` (settings) switches from report-only to enforced.
"""

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

FILM_FRAMES = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]

DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "media-src": [SELF],
    "frame-src": [SELF, *FILM_FRAMES],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
ADMIN_ADDITIONS = {
    "script-src": [UNSAFE_INLINE],
    "img-src": ["blob:"],
    "media-src": ["blob:"],
}


def policy(report_uri="", media_origin=""):
    """The policy; ``media_origin`` (the object store's origin, with ``S3_BUCKET``) may serve
    images, films and captions too."""
    directives = {name: list(values) for name, values in DIRECTIVES.items()}
    if media_origin:
        for name in ("img-src", "media-src"):
            directives[name].append(media_origin)
    if report_uri:
        directives["report-uri"] = [report_uri]
    return {"DIRECTIVES": directives}


class SitePolicyMiddleware(CSPMiddleware):
    """django-csp's middleware; admin pages get :data:`ADMIN_ADDITIONS`."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith("/admin/") and parts.update is None:
            parts.update = ADMIN_ADDITIONS
        return parts
