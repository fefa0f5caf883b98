"""Who is a member, and passwordless login with one-time links.

Only the SHA-256 of a link's random token is stored; the raw token exists in the e-mail only
(it is made when the message is built, so it never passes through the queue).
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from kcsite.links import LinkError
from kcsite.mail import send_mail

from ..models.members import LoginToken, Member
from .common import normalise_email, public_url

#: How long the one-time login link in the approval e-mail works (people read it days later).
WELCOME_LINK_LIFETIME = timedelta(days=7)


def login_link_lifetime():
    return timedelta(minutes=int(getattr(settings, "MEMBERSHIP_LOGIN_LINK_MINUTES", 15)))


def member_profile_for(user):
    """The network member behind ``user`` (attributes name, email, organisation, role), or None."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return Member.objects.select_related("organisation_type").filter(user_id=user.pk).first()


def hash_token(raw):
    return hashlib.sha256(raw.encode()).hexdigest()


def safe_next_url(next_url):
    """``next_url`` if it is a path on this site, else ""."""
    if (
        next_url
        and next_url.startswith("/")
        and not next_url.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(next_url, allowed_hosts=None)
    ):
        return next_url[:500]
    return ""


def member_may_use_login_link(member):
    """Links never log in staff: their accounts keep password (and 2FA) login."""
    account = member.user
    return account.is_active and not account.is_staff and not account.is_superuser


def _new_login_token(member, lifetime, next_url=""):
    """Store a one-time login token for ``member`` (only its hash) and return the raw token."""
    raw = secrets.token_urlsafe(32)
    now = timezone.now()
    LoginToken.objects.filter(member=member, expires_at__lt=now).delete()
    LoginToken.objects.create(
        member=member,
        token_hash=hash_token(raw),
        expires_at=now + lifetime,
        next_url=safe_next_url(next_url),
    )
    return raw


def welcome_login_url(application):
    """A one-time login link (valid ``WELCOME_LINK_LIFETIME``) for an approved applicant's
    e-mail, so a new member can enter at once; "" when the account cannot use login links."""
    member = application.member
    if member is None or not member_may_use_login_link(member):
        return ""
    raw = _new_login_token(member, WELCOME_LINK_LIFETIME)
    return public_url("membership:login_token", application.language, raw)


def send_login_link(email, next_url="", language="sv"):
    """Queue a login-link message for ``email``. The task that sends it looks the address up
    and sends a link only if it is a member's, so answering the request takes the same time
    either way."""
    return send_mail(
        "membership.login_link", email=normalise_email(email), next_url=next_url, language=language
    )


def create_login_link(email, next_url="", language="sv"):
    """(member, login URL) with a new one-time token for the member with ``email``, or None
    for an address that is not a member's (or belongs to staff)."""
    member = Member.objects.select_related("user").filter(email__iexact=email).first()
    if member is None or not member_may_use_login_link(member):
        return None
    raw = _new_login_token(member, login_link_lifetime(), next_url)
    return member, public_url("membership:login_token", member.language or language, raw)


def check_login_token(raw):
    """The unused, unexpired token for ``raw``; raises LinkError otherwise (nothing changes)."""
    if not raw or len(raw) > 100:
        raise LinkError("invalid")
    token = (
        LoginToken.objects.select_related("member__user").filter(token_hash=hash_token(raw)).first()
    )
    if token is None:
        raise LinkError("invalid")
    if token.used_at is not None:
        raise LinkError("used")
    if token.expires_at <= timezone.now():
        raise LinkError("expired")
    if not member_may_use_login_link(token.member):
        raise LinkError("invalid")
    return token


def redeem_login_token(raw):
    """Use the token once: returns it (with ``member``) or raises LinkError.

    The conditional UPDATE makes two simultaneous uses impossible: only one can mark it used.
    """
    token = check_login_token(raw)
    now = timezone.now()
    claimed = LoginToken.objects.filter(
        pk=token.pk, used_at__isnull=True, expires_at__gt=now
    ).update(used_at=now)
    if claimed != 1:
        raise LinkError("used")
    # Every other link sent to this member stops working too.
    LoginToken.objects.filter(member=token.member, used_at__isnull=True).update(used_at=now)
    return token
