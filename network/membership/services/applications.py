"""Applying to the network: the application, the address check, Team Domino's decision."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kcsite import links
from kcsite.links import LinkError
from kcsite.mail import send_mail
from kcsite.workflow import Transition, TransitionError, Workflow

from ..models.members import Member, MembershipApplication
from .common import members_group, normalise_email

VERIFY_SALT = "membership.verify-application"
Status = MembershipApplication.Status


def verify_link_max_age():
    """Seconds an e-mail verification link stays valid."""
    return int(getattr(settings, "MEMBERSHIP_VERIFY_LINK_HOURS", 72)) * 3600


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


def _member_for(application):
    """The member with the application's address: the existing one, or a new account."""
    member = Member.objects.filter(email__iexact=application.email).first()
    if member is not None:
        return member
    account = get_user_model().objects.create_user(
        username=f"member-{secrets.token_hex(8)}", email=application.email, password=None
    )
    account.groups.add(members_group())
    try:
        with transaction.atomic():
            return Member.objects.create(
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
        return Member.objects.get(email__iexact=application.email)


def _create_member(change):
    """After approval: the applicant's member (with account) is linked to the application."""
    application = change.obj
    application.member = _member_for(application)
    MembershipApplication.objects.filter(pk=application.pk).update(member=application.member)


def _decision(name, target, **options):
    """A decision on a pending application: decided when and by whom, with the message to
    the applicant (the reason on the confirmation page); logged and mailed."""
    return Transition(
        name,
        sources=[Status.PENDING],
        target=target,
        log_action=f"membership.{name}",
        changes=lambda change: {
            "decided_at": change.now,
            "decided_by": change.user,
            "decision_message": change.reason,
        },
        refused=_("Ansökan väntar inte på beslut."),
        **options,
    )


#: Team Domino's decision on a verified application (the admin actions come from this too).
APPLICATIONS = Workflow(
    MembershipApplication,
    "status",
    version_field="version",
    mail_key="application_id",
    transitions=[
        _decision(
            "approve",
            Status.APPROVED,
            label=_("Godkänn"),
            description=_("Den sökande blir medlem och får ett e-postmeddelande om beslutet."),
            log_message=_("Ansökan godkänd"),
            after=_create_member,
            mail="membership.approved",
            icon="check",
        ),
        _decision(
            "decline",
            Status.DECLINED,
            label=_("Avslå"),
            description=_("Den sökande får ett e-postmeddelande om beslutet."),
            log_message=_("Ansökan avslagen"),
            mail="membership.declined",
            icon="cross",
        ),
    ],
)


def _decide(application_id, name, user, message):
    """Apply decision ``name``; the application, or None when it is not pending (already
    decided, not verified, or gone)."""
    try:
        return APPLICATIONS.apply(application_id, name, user=user, reason=message)
    except TransitionError:
        return None


def approve_application(application_id, user=None, message=""):
    """Approve a pending application: create the member and e-mail them. Returns the member,
    or None when the application is not pending (already decided, or not verified)."""
    application = _decide(application_id, "approve", user, message)
    return application.member if application else None


def decline_application(application_id, user=None, message=""):
    """Decline a pending application and e-mail the applicant. Returns it, or None."""
    return _decide(application_id, "decline", user, message)
