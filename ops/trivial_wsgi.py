"""The ceiling for `make bench`: the smallest WSGI app, under the same gunicorn as the site."""

BODY = b"<!DOCTYPE html><title>ok</title><p>ok</p>\n"


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(BODY)))])
    return [BODY]
