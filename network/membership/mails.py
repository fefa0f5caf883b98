"""The e-mails of the network: context builders for :mod:`kcsite.mail`.

Built at send time from ids. Two messages are for people with no record (yet): the login link
and "already a member" take the address as their parameter; it leaves the outbox as soon as
the message is sent (or dropped, for an address that is not a member's).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from kcsite.links import absolute_url
from kcsite.mail import Mail, builder, email_key

from .models import MembershipApplication, MessageDelivery
from .services import (
    WELCOME_LINK_LIFETIME,
    create_login_link,
    finish_message_if_done,
    login_link_lifetime,
    reverse_in,
    unsubscribe_token,
    verification_token,
    verify_link_max_age,
    welcome_login_url,
)


def _application_about(params):
    return f"membership.application:{params['application_id']}"


def _address_about(params):
    return email_key(params["email"])


def _application(application_id):
    return (
        MembershipApplication.objects.select_related("organisation_type", "member__user")
        .filter(pk=application_id)
        .first()
    )


@builder("membership.already_member", about=_address_about)
def already_member(email, language):
    return Mail(
        "membership/mail/already_member",
        {"login_url": absolute_url(reverse_in("membership:login", language))},
        [email],
        language,
    )


@builder("membership.verify", about=_application_about)
def verify(application_id):
    application = _application(application_id)
    if application is None or application.status != MembershipApplication.Status.UNVERIFIED:
        return None
    url = reverse_in(
        "membership:verify", application.language, args=[verification_token(application)]
    )
    return Mail(
        "membership/mail/verify",
        {
            "name": application.name,
            "verify_url": absolute_url(url),
            "hours": verify_link_max_age() // 3600,
        },
        [application.email],
        application.language,
    )


@builder("membership.new_application", about=_application_about)
def new_application(application_id):
    application = _application(application_id)
    if application is None:
        return None
    list_url = reverse("wagtailsnippets_membership_membershipapplication:list")
    return Mail(
        "membership/mail/new_application",
        {
            "name": application.name,
            "organisation": application.organisation,
            "organisation_type": application.organisation_type.name,
            "role": application.role,
            "admin_url": absolute_url(list_url + "?status=pending"),
        },
        [settings.TEAM_DOMINO_EMAIL],
        "sv",
    )


@builder("membership.approved", about=_application_about)
def approved(application_id):
    application = _application(application_id)
    if application is None:
        return None
    return Mail(
        "membership/mail/approved",
        {
            "name": application.name,
            "message": application.decision_message,
            "login_url": absolute_url(reverse_in("membership:login", application.language)),
            "welcome_url": welcome_login_url(application),
            "days": WELCOME_LINK_LIFETIME.days,
        },
        [application.email],
        application.language,
    )


@builder("membership.declined", about=_application_about)
def declined(application_id):
    application = _application(application_id)
    if application is None:
        return None
    return Mail(
        "membership/mail/declined",
        {"name": application.name, "message": application.decision_message},
        [application.email],
        application.language,
    )


@builder("membership.left", about=_address_about)
def left(email, name, language):
    return Mail(
        "membership/mail/left",
        {"name": name, "apply_url": absolute_url(reverse_in("membership:apply", language))},
        [email],
        language,
    )


@builder("membership.login_link", about=_address_about)
def login_link(email, next_url, language):
    """A fresh one-time login link, only if ``email`` is a member's (else nothing is sent)."""
    made = create_login_link(email, next_url, language)
    if made is None:
        return None
    member, url = made
    return Mail(
        "membership/mail/login_link",
        {
            "name": member.name,
            "login_url": url,
            "minutes": int(login_link_lifetime().total_seconds() // 60),
        },
        [member.email],
        member.language or language,
    )


@builder("membership.network_message", about=lambda p: f"membership.member:{p['member_id']}")
def network_message(delivery_id, member_id):
    delivery = (
        MessageDelivery.objects.select_related("member", "message")
        .filter(pk=delivery_id, sent_at__isnull=True)
        .first()
    )
    if delivery is None or not delivery.member.receives_messages:
        message_id = (
            MessageDelivery.objects.filter(pk=delivery_id).values_list("message_id", flat=True)
        ).first()
        if message_id:
            finish_message_if_done(message_id)
        return None
    member, message = delivery.member, delivery.message
    paragraphs = [p.strip() for p in message.body.replace("\r\n", "\n").split("\n\n") if p.strip()]
    url = absolute_url(
        reverse_in("membership:unsubscribe", member.language, args=[unsubscribe_token(member)])
    )

    def mark_sent():
        MessageDelivery.objects.filter(pk=delivery_id).update(sent_at=timezone.now())
        finish_message_if_done(message.pk)

    return Mail(
        "membership/mail/network_message",
        {
            "name": member.name,
            "message_subject": message.subject,
            "paragraphs": paragraphs,
            "unsubscribe_url": url,
        },
        [member.email],
        member.language,
        headers={
            "List-Unsubscribe": f"<{url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        on_sent=mark_sent,
    )
