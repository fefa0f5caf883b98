"""``/i18n/setlang/``: Django's language switch, without doubling a language prefix."""

from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.i18n import set_language as django_set_language


def language_of(path):
    """The language an address of this site is in: its prefix (``/en/…``) or the default."""
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE and (path == f"/{code}" or path.startswith(f"/{code}/")):
            return code
    return settings.LANGUAGE_CODE


def set_language(request):
    """Django's ``set_language``; when ``next`` already is an address in the chosen language
    (``next=/en/`` with ``language=en``), go there as it is: Django would translate it once
    more and send the visitor to ``/en/en/``."""
    response = django_set_language(request)
    data = request.POST if request.method == "POST" else request.GET
    next_url, language = data.get("next", ""), data.get("language", "")
    safe = url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if response.status_code == 302 and next_url and safe and language_of(next_url) == language:
        response["Location"] = next_url
    return response
