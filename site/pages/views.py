from pathlib import Path

from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

FAVICON = Path(__file__).resolve().parent.parent / "static" / "favicon.ico"


def bad_request(request, exception=None):
    """The 400 page, rendered without the request: no context processor, middleware hook or
    template may read a body that could not be parsed (a form posted as latin-1 or UTF-16)."""
    return HttpResponseBadRequest(render_to_string("400.html"))


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


@require_safe
@cache_control(public=True, max_age=7 * 24 * 3600)
def favicon(request):
    """``/favicon.ico`` for browsers and tools that ask for it without reading the link tag."""
    return HttpResponse(FAVICON.read_bytes(), content_type="image/x-icon")
