"""Rate limits for public forms that stop abuse and nothing else.

* Only submissions that **passed validation** are counted (a view calls :func:`check` after
  ``form.is_valid()``), so mistakes never use up anyone's allowance.
* They are counted **per submitted e-mail address and form** (``RATE_LIMIT_PER_EMAIL``), with a
  **generous ceiling per client** (``RATE_LIMIT_PER_CLIENT``) that a council network full of
  teachers does not reach on the day a training is announced.
* The counters are django-ratelimit's (fixed windows in the shared cache: Redis in production,
  where the settings refuse a per-process cache).
* The client is ``REMOTE_ADDR``, or, when that is one of ``TRUSTED_PROXIES``, the address the
  proxies put in ``X-Forwarded-For`` (read from the right, skipping trusted proxies), so a
  forged header from anyone else is ignored. IPv6 clients are counted per /64.

When a limit is hit every app answers the same way: the form page again, with what was typed,
status 429, a ``Retry-After`` header and the shared notice ``components/rate_limited.html`` (not
the error summary: nobody made a mistake).

How a view uses it (one call, after ``form.is_valid()``)::

    if form.is_valid():
        refused = ratelimit.refuse(
            request, "events:register", email=form.cleaned_data["email"],
            template="events/register.html", context={**context, "form": form},
        )
        if refused:
            return refused
        ...  # do the work

and the form page includes ``{% include "components/rate_limited.html" %}`` above its error
summary. A page that is not a form (a link that failed too often) answers with
``template="components/rate_limited_page.html"``. Scopes are ``"<app>:<form>"``; the rates are
the settings' unless a view has a reason of its own (``per_email=`` / ``per_client=``). The
lower-level :func:`check` (returns a :class:`Limited`) is for a view that answers a limit by the
e-mail address differently (membership's login link: "a link was sent recently"), :func:`count`
and :func:`is_over` count failures without a form.
"""

import hashlib
import ipaddress
import logging
import math
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limited:
    """A limit that was hit: by the e-mail address (``"email"``) or by the client."""

    by: str
    retry_after: int  # seconds

    @property
    def minutes(self):
        return max(1, math.ceil(self.retry_after / 60))


@lru_cache(maxsize=8)
def _networks(entries):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _parse(value):
    try:
        return ipaddress.ip_address(value.strip().strip("[]"))
    except ValueError:
        return None


def _trusted(address, networks):
    return address is not None and any(address in network for network in networks)


def client_ip(request):
    """The client's address: ``X-Forwarded-For`` counts only when a trusted proxy sent it."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ()))
    remote_address = _parse(remote)
    if remote_address is None:
        return "0.0.0.0"  # noqa: S104 - not a bind address: the key for "unknown client"
    if not _trusted(remote_address, networks):
        return str(remote_address)
    client = remote_address
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed([hop for hop in hops if hop.strip()]):
        address = _parse(hop)
        if address is None:  # garbage: keep the last address a trusted proxy vouched for
            break
        client = address
        if not _trusted(address, networks):
            break
    return str(client)


def _email_key(email):
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def _usage(request, group, key, rate):
    try:
        return get_usage(request, group=group, key=key, rate=rate, increment=True)
    except Exception as error:  # noqa: BLE001 - a cache outage must not stop the forms
        logger.warning("Rate limit %s not counted: the cache failed (%s)", group, error)
        return None


def check(request, scope, *, email=None, per_email=None, per_client=None):
    """Count one valid submission of ``scope``; a :class:`Limited` when it is over a limit.

    ``per_email`` / ``per_client`` are django-ratelimit rates (``"10/h"``) or ``(count,
    seconds)``; they default to the settings ``RATE_LIMIT_PER_EMAIL`` / ``_PER_CLIENT``.
    """
    counters = []
    if email:
        rate = per_email or settings.RATE_LIMIT_PER_EMAIL
        counters.append(("email", rate, lambda group, request: _email_key(email)))
    counters.append(("client", per_client or settings.RATE_LIMIT_PER_CLIENT, "ip"))
    hit = None
    for by, rate, key in counters:
        usage = _usage(request, f"{scope}:{by}", key, rate)
        if usage and usage["should_limit"] and hit is None:
            hit = Limited(by=by, retry_after=max(int(usage["time_left"]), 1))
    return hit


def is_over(request, scope, *, rate):
    """True when this client is already over ``rate`` for ``scope`` (counts nothing)."""
    try:
        usage = get_usage(request, group=f"{scope}:client", key="ip", rate=rate)
    except Exception as error:  # noqa: BLE001 - a cache outage must not stop the site
        logger.warning("Rate limit %s not read: the cache failed (%s)", scope, error)
        return None
    if usage and usage["count"] >= usage["limit"]:
        return Limited(by="client", retry_after=max(int(usage["time_left"]), 1))
    return None


def count(request, scope, *, rate):
    """Count one event (such as a failed link) for this client."""
    _usage(request, f"{scope}:client", "ip", rate)


def refuse(request, scope, *, template, context, email=None, per_email=None, per_client=None):
    """Count one valid submission of ``scope`` (see :func:`check`); when it is over a limit,
    the one answer (:func:`render_limited` of ``template`` with ``context``), else ``None``."""
    limited = check(request, scope, email=email, per_email=per_email, per_client=per_client)
    if limited:
        return render_limited(request, template, context, limited)
    return None


def render_limited(request, template, context, limited):
    """The one answer to a limit that was hit: ``template`` (the form page, with what was
    typed) with the shared notice, status 429 and ``Retry-After``."""
    context = {
        **context,
        "rate_limited": limited,
        "rate_limited_contact": getattr(settings, "TEAM_DOMINO_EMAIL", ""),
    }
    response = render(request, template, context, status=429)
    response["Retry-After"] = str(limited.retry_after)
    return response
