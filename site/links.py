"""Signed, versioned self-service links and absolute addresses, for every app.

A link identifies a record (``id``) and carries the version it was made for (``v``). Showing
the record through a link always works while the link is valid; an *action* compares the version
the visitor saw with the record's (the form posts it back), so an old e-mail never acts on a
record that changed behind it, and never locks its owner out either::

    token = make_token("events.registration", registration.pk, registration.version)
    link = read_token("events.registration", token, max_age=timedelta(days=400))
    link.pk, link.version

Any problem raises :class:`LinkError` (``code``: ``invalid``, ``expired``, ``used``, ``gone``);
views answer it with :func:`problem_response`, the one "Länken fungerar inte" page, which says
where the newest link is.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.shortcuts import render

# Older links carried the record's id under another key; they keep working.
_ID_KEYS = ("id", "r", "a", "m")


class LinkError(Exception):
    """A link that cannot be used; ``code`` is invalid, expired, used or gone."""

    def __init__(self, code="invalid"):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Link:
    pk: int
    version: int | None


def _salt(kind):
    return kind


def make_token(kind, pk, version=None):
    """A signed token for record ``pk`` of ``kind`` (the salt: one kind's token is useless for
    another)."""
    data = {"id": pk}
    if version is not None:
        data["v"] = version
    return signing.dumps(data, salt=_salt(kind))


def read_token(kind, token, *, max_age=None):
    """The :class:`Link` in ``token``; raises :class:`LinkError` ("expired" or "invalid")."""
    try:
        data = signing.loads(token, salt=_salt(kind), max_age=max_age)
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except signing.BadSignature:
        raise LinkError("invalid") from None
    if not isinstance(data, dict):
        raise LinkError("invalid")
    pk = next((data[key] for key in _ID_KEYS if key in data), None)
    try:
        pk = int(pk)
        version = int(data["v"]) if data.get("v") is not None else None
    except (TypeError, ValueError):
        raise LinkError("invalid") from None
    return Link(pk, version)


def read_record(kind, token, queryset, *, max_age=None):
    """The record of ``queryset`` that a ``kind`` token names, and the token's :class:`Link`;
    raises :class:`LinkError` (as :func:`read_token`, or "gone" when the record is no longer
    in ``queryset``)."""
    link = read_token(kind, token, max_age=max_age)
    record = queryset.filter(pk=link.pk).first()
    if record is None:
        raise LinkError("gone")
    return record, link


def absolute_url(target):
    """``target`` (a path, or a page with ``get_url``) on the public site (``BASE_URL``)."""
    url = target if isinstance(target, str) else (target.get_url() or "")
    if url.startswith("/"):
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url


def problem_response(request, error, *, newest="", again_url="", again_label="", status=None):
    """The shared "Länken fungerar inte" page for ``error`` (a LinkError or its code).

    ``newest`` says where the newest link is; ``again_url``/``again_label`` offer a way on
    (ask for a new link, register again…).
    """
    code = getattr(error, "code", error)
    return render(
        request,
        "components/link_problem.html",
        {
            "problem": code,
            "newest": newest,
            "again_url": again_url,
            "again_label": again_label,
            "team_email": settings.TEAM_DOMINO_EMAIL,
        },
        status=status or (410 if code == "gone" else 400),
    )


def posted_version(request):
    """The version a self-service form posts back (the one the visitor saw, to compare with the
    record's): -1 when it is missing or garbled, which no record has."""
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1
