"""Sending a visitor to Team Domino's support request form with their need already written.

A school that has just built its routine or assessed its attendance work should not have to
describe its situation again. Any app asks::

    url = support_request_url(
        service_kind="process_support", need=text, source=_("er självskattning")
    )

and gets the address of the request form of that service (the consultation form when the kind is
not published), carrying the need in a signed ``behov`` parameter; the form shows it in the
description field, where the requester reads and edits it before sending; ``source`` completes
the form's note "Beskrivningen är ifylld från …" (*er självskattning*, *er närvarorutin*).
Nothing is stored until they send. The support app builds the address: it registers the
``kc_support_request_url`` hook (a function ``service_kind -> path or None``), so the foundation
and the apps below it never import it.

The parameter is signed so that a link cannot put words of someone else's choosing into the
form under the site's name; an old or tampered one is ignored (the form opens empty).
"""

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.core import signing
from wagtail import hooks

HOOK = "kc_support_request_url"
PARAMETER = "behov"
_SALT = "kcsite.referrals.need"
#: The description field's own limit (network.support's request form).
MAX_NEED = 4000
MAX_AGE = timedelta(days=180)


@dataclass(frozen=True)
class Referral:
    need: str
    source: str


def support_request_url(*, service_kind=None, need="", source=""):
    """The request form's address with ``need`` prefilled, or None when no form is published."""
    for registered in hooks.get_hooks(HOOK):
        path = registered(service_kind)
        if path:
            break
    else:
        return None
    if not need.strip():
        return path
    token = signing.dumps(
        {"n": need.strip()[:MAX_NEED], "s": str(source)[:100]}, salt=_SALT, compress=True
    )
    return f"{path}?{urlencode({PARAMETER: token})}"


def read_referral(query):
    """The :class:`Referral` in a request's query (``request.GET``), or None when there is none
    or it is tampered with or older than :data:`MAX_AGE`."""
    token = query.get(PARAMETER)
    if not token:
        return None
    try:
        data = signing.loads(token, salt=_SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("n"), str):
        return None
    return Referral(need=data["n"], source=str(data.get("s", "")))
