"""The network's logic: applications, decisions, passwordless login, member data and privacy.

Views and the admin stay thin and call these functions; tests call them directly too.

Contract for other apps: :func:`member_profile_for` (``name``, ``email``, ``organisation``,
``role`` of the member behind a user, or None).
"""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.log_actions import log
from wagtail.models import BaseViewRestriction, CollectionViewRestriction, PageViewRestriction

from kcsite import links, mail
from kcsite.mail import email_key, send_mail

from .models import (
    MEMBERS_GROUP_NAME,
    LoginToken,
    Member,
    MemberAreaPage,
    MembershipApplication,
    MessageDelivery,
    NetworkMessage,
)

logger = logging.getLogger("kcsite.membership")

VERIFY_SALT = "membership.verify-application"
UNSUBSCRIBE_SALT = "membership.unsubscribe"
Status = MembershipApplication.Status


def verify_link_max_age():
    """Seconds an e-mail verification link stays valid."""
    return int(getattr(settings, "MEMBERSHIP_VERIFY_LINK_HOURS", 72)) * 3600


def login_link_lifetime():
    return timedelta(minutes=int(getattr(settings, "MEMBERSHIP_LOGIN_LINK_MINUTES", 15)))


#: How long the one-time login link in the approval e-mail works (people read it days later).
WELCOME_LINK_LIFETIME = timedelta(days=7)

LinkError = links.LinkError


# -- who is a member ------------------------------------------------------------------------


def members_group():
    return Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)[0]


def member_profile_for(user):
    """The network member behind ``user`` (attributes name, email, organisation, role), or None."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return Member.objects.select_related("organisation_type").filter(user_id=user.pk).first()


absolute_url = links.absolute_url


def reverse_in(name, language, args=()):
    """The path of URL ``name`` in ``language``."""
    with translation.override(language):
        return reverse(name, args=args)


# -- applications ---------------------------------------------------------------------------


def normalise_email(address):
    return (address or "").strip().lower()


def purge_stale_applications(now=None):
    """Delete applications never verified within the link's lifetime (data minimisation)."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=verify_link_max_age())
    deleted, _ = MembershipApplication.objects.filter(
        status=Status.UNVERIFIED, created_at__lt=cutoff
    ).delete()
    return deleted


def verification_token(application):
    return links.make_token(VERIFY_SALT, application.pk, application.version)


def submit_application(data, language="sv"):
    """Store an application (unverified) and e-mail the link that verifies the address.

    ``data`` holds the form's cleaned data. An address that already belongs to a member gets a
    message saying so instead (the page shown is the same either way). Returns the application
    or None.
    """
    purge_stale_applications()
    email = normalise_email(data["email"])
    if Member.objects.filter(email__iexact=email).exists():
        send_mail("membership.already_member", email=email, language=language)
        return None
    with transaction.atomic():
        # A new application replaces an earlier one that was never verified.
        MembershipApplication.objects.filter(email__iexact=email, status=Status.UNVERIFIED).delete()
        application = MembershipApplication.objects.create(
            name=data["name"].strip(),
            email=email,
            organisation_type=data["organisation_type"],
            organisation=data["organisation"].strip(),
            role=data["role"].strip(),
            motivation=data["motivation"].strip(),
            show_in_directory=bool(data.get("show_in_directory")),
            consent_at=timezone.now(),
            language=language,
        )
        send_mail("membership.verify", application_id=application.pk)
    return application


def application_for_token(token):
    """The unverified application a verification link points at; raises LinkError."""
    link = links.read_token(VERIFY_SALT, token, max_age=verify_link_max_age())
    application = MembershipApplication.objects.filter(pk=link.pk).first()
    if application is None:
        raise LinkError("expired")
    if application.version != link.version or application.status != Status.UNVERIFIED:
        raise LinkError("used")
    return application


def verify_application(token):
    """Mark the application behind ``token`` verified; it now waits for Team Domino."""
    with transaction.atomic():
        application = application_for_token(token)
        application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
        if application.status != Status.UNVERIFIED:
            raise LinkError("used")
        application.status = Status.PENDING
        application.verified_at = timezone.now()
        application.version += 1
        application.save(update_fields=["status", "verified_at", "version"])
        send_mail("membership.new_application", application_id=application.pk)
    return application


def _username():
    return f"member-{secrets.token_hex(8)}"


def approve_application(application_id, user=None, message=""):
    """Approve a pending application: create the member and e-mail them. Returns the member,
    or None when the application is not pending (already decided, or not verified)."""
    with transaction.atomic():
        application = (
            MembershipApplication.objects.select_for_update()
            .select_related("organisation_type")
            .filter(pk=application_id, status=Status.PENDING)
            .first()
        )
        if application is None:
            return None
        member = Member.objects.filter(email__iexact=application.email).first()
        if member is None:
            account = get_user_model().objects.create_user(
                username=_username(), email=application.email, password=None
            )
            account.groups.add(members_group())
            try:
                with transaction.atomic():
                    member = Member.objects.create(
                        user=account,
                        name=application.name,
                        email=application.email,
                        organisation_type=application.organisation_type,
                        organisation=application.organisation,
                        role=application.role,
                        show_in_directory=application.show_in_directory,
                        language=application.language,
                    )
            except IntegrityError:  # a member with this address was created meanwhile
                account.delete()
                member = Member.objects.get(email__iexact=application.email)
        application.status = Status.APPROVED
        application.decided_at = timezone.now()
        application.decided_by = user
        application.decision_message = message
        application.member = member
        application.version += 1
        application.save()
        log(instance=application, action="membership.approve", user=user)
        send_mail("membership.approved", application_id=application.pk)
    return member


def welcome_login_url(application):
    """A one-time login link (valid ``WELCOME_LINK_LIFETIME``) for an approved applicant's
    e-mail, so a new member can enter at once; "" when the account cannot use login links.
    Called when the message is built, so the raw token never passes through the queue."""
    member = application.member
    if member is None or not member_may_use_login_link(member):
        return ""
    raw = _new_login_token(member, WELCOME_LINK_LIFETIME)
    return absolute_url(reverse_in("membership:login_token", application.language, args=[raw]))


def decline_application(application_id, user=None, message=""):
    """Decline a pending application and e-mail the applicant. Returns it, or None."""
    with transaction.atomic():
        application = (
            MembershipApplication.objects.select_for_update()
            .filter(pk=application_id, status=Status.PENDING)
            .first()
        )
        if application is None:
            return None
        application.status = Status.DECLINED
        application.decided_at = timezone.now()
        application.decided_by = user
        application.decision_message = message
        application.version += 1
        application.save()
        log(instance=application, action="membership.decline", user=user)
        send_mail("membership.declined", application_id=application.pk)
    return application


# -- passwordless login ---------------------------------------------------------------------


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


def send_login_link(email, next_url="", language="sv"):
    """Queue a login-link message for ``email``. The task that sends it looks the address up
    and sends a link only if it is a member's, so answering the request takes the same time
    either way, and the raw token never passes through the queue."""
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
    language = member.language or language
    url = absolute_url(reverse_in("membership:login_token", language, args=[raw]))
    return member, url


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


# -- member data ----------------------------------------------------------------------------


def directory_members(query="", organisation_type=None):
    members = Member.objects.filter(show_in_directory=True).select_related("organisation_type")
    if organisation_type is not None:
        members = members.filter(organisation_type=organisation_type)
    for term in (query or "").split()[:8]:
        members = members.filter(
            Q(name__icontains=term) | Q(organisation__icontains=term) | Q(role__icontains=term)
        )
    return members.order_by("name", "pk")


def export_member_data(member):
    """Everything the site holds about ``member``, as JSON-ready data."""

    def when(value):
        return value.isoformat() if value else None

    return {
        "member": {
            "name": member.name,
            "email": member.email,
            "organisation_type": member.organisation_type.name,
            "organisation": member.organisation,
            "role": member.role,
            "show_in_directory": member.show_in_directory,
            "receives_messages": member.receives_messages,
            "language": member.language,
            "joined_at": when(member.joined_at),
            "last_login": when(member.user.last_login),
        },
        "applications": [
            {
                "name": a.name,
                "email": a.email,
                "organisation_type": a.organisation_type.name,
                "organisation": a.organisation,
                "role": a.role,
                "motivation": a.motivation,
                "status": a.status,
                "consent_at": when(a.consent_at),
                "created_at": when(a.created_at),
                "verified_at": when(a.verified_at),
                "decided_at": when(a.decided_at),
                "decision_message": a.decision_message,
            }
            for a in MembershipApplication.objects.filter(
                Q(member=member) | Q(email__iexact=member.email)
            ).select_related("organisation_type")
        ],
        "login_links": [
            {
                "created_at": when(t.created_at),
                "expires_at": when(t.expires_at),
                "used_at": when(t.used_at),
            }
            for t in member.login_tokens.order_by("created_at")
        ],
        "messages_received": [
            {"subject": d.message.subject, "sent_at": when(d.sent_at)}
            for d in member.deliveries.select_related("message").filter(sent_at__isnull=False)
        ],
    }


def delete_member_data(member):
    """Delete the member's account, profile, login links and applications, and the queued
    and sent e-mail about them (outbox and task rows)."""
    with transaction.atomic():
        applications = MembershipApplication.objects.filter(
            Q(member=member) | Q(email__iexact=member.email)
        )
        mail.forget(
            [f"membership.member:{member.pk}", email_key(member.email)]
            + [f"membership.application:{pk}" for pk in applications.values_list("pk", flat=True)]
        )
        applications.delete()
        get_user_model().objects.filter(pk=member.user_id).delete()  # cascades to the member


def leave_network(member):
    """The member leaves: all their personal data is deleted and a confirmation is sent."""
    name, email, language = member.name, member.email, member.language
    with transaction.atomic():
        delete_member_data(member)
        send_mail("membership.left", email=email, name=name, language=language)


# -- messages to all members ---------------------------------------------------------------


def unsubscribe_token(member):
    return links.make_token(UNSUBSCRIBE_SALT, member.pk)


def member_for_unsubscribe_token(token):
    """The member an unsubscribe link belongs to (links do not expire); raises LinkError."""
    link = links.read_token(UNSUBSCRIBE_SALT, token)
    member = Member.objects.filter(pk=link.pk).first()
    if member is None:
        raise LinkError("invalid")
    return member


def unsubscribe(token):
    member = member_for_unsubscribe_token(token)
    Member.objects.filter(pk=member.pk).update(receives_messages=False)
    return member


def queue_network_message(message_id):
    """Freeze the recipients of a draft and queue one message per member.

    Returns the number of recipients, or None when the message is not a draft (it is sent
    once only, even if two editors press the button at the same time).
    """
    with transaction.atomic():
        message = (
            NetworkMessage.objects.select_for_update()
            .filter(pk=message_id, status=NetworkMessage.Status.DRAFT)
            .first()
        )
        if message is None:
            return None
        recipients = list(
            Member.objects.filter(receives_messages=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        MessageDelivery.objects.bulk_create(
            [MessageDelivery(message=message, member_id=pk) for pk in recipients]
        )
        message.status = NetworkMessage.Status.SENDING
        message.queued_at = timezone.now()
        message.recipient_count = len(recipients)
        message.save(update_fields=["status", "queued_at", "recipient_count"])
        for delivery_id, member_id in message.deliveries.order_by("pk").values_list(
            "pk", "member_id"
        ):
            send_mail("membership.network_message", delivery_id=delivery_id, member_id=member_id)
    if not recipients:
        finish_message_if_done(message.pk)
    return len(recipients)


def finish_message_if_done(message_id):
    pending = MessageDelivery.objects.filter(
        message_id=message_id, sent_at__isnull=True, member__receives_messages=True
    ).exists()
    if not pending:
        NetworkMessage.objects.filter(pk=message_id, status=NetworkMessage.Status.SENDING).update(
            status=NetworkMessage.Status.SENT, sent_at=timezone.now()
        )


# -- privacy of the member area -------------------------------------------------------------


def _ensure_group_restriction(restriction_model, group, **target):
    existing = list(restriction_model.objects.filter(**target))
    groups_restriction = next(
        (r for r in existing if r.restriction_type == BaseViewRestriction.GROUPS), None
    )
    for restriction in existing:
        if restriction is not groups_restriction:
            restriction.delete()
    if groups_restriction is None:
        groups_restriction = restriction_model(
            restriction_type=BaseViewRestriction.GROUPS, **target
        )
        groups_restriction.save()
    if not groups_restriction.groups.filter(pk=group.pk).exists():
        groups_restriction.groups.add(group)
    return groups_restriction


def ensure_member_privacy(page):
    """Restrict a member area page (and its material collection) to the members group."""
    page = page.specific
    if not isinstance(page, MemberAreaPage):
        return
    group = members_group()
    _ensure_group_restriction(PageViewRestriction, group, page=page)
    if page.material_collection_id:
        _ensure_group_restriction(
            CollectionViewRestriction, group, collection=page.material_collection
        )


def refusal_applies(restrictions, request):
    """True when a logged-in user fails a group restriction (they get a refusal, not a login)."""
    if not request.user.is_authenticated:
        return False
    return any(
        r.restriction_type == BaseViewRestriction.GROUPS and not r.accept_request(request)
        for r in restrictions
    )


# -- network meetings -----------------------------------------------------------------------


def upcoming_network_meetings(limit=3):
    """The next network meetings from the events app, or [] while it offers none."""
    try:
        from events.services import upcoming_events
    except ImportError:
        return []
    try:
        return list(upcoming_events(event_type="network_meeting", limit=limit))
    except Exception:  # another app's failure must not take the network page down
        logger.exception("upcoming_events failed")
        return []
