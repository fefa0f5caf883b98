from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string


def bad_request(request, exception=None):
    """The 400 page, rendered without the request: no context processor, middleware hook or
    template may read a body that could not be parsed (a form posted as latin-1 or UTF-16)."""
    return HttpResponseBadRequest(render_to_string("400.html"))


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
