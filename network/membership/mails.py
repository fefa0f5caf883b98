"""The e-mails of the network: context builders for :mod:`kcsite.mail`.

Built at send time from ids. Every message has one shape: a function that returns the
template context, declared with the recipient it goes to (:func:`_to_applicant`,
:func:`_to_team`, :func:`_to_address`); the template is ``membership/mail/<name>``. Two messages
are for people with no record (yet): the login link and "already a member" take the address as
their parameter; it leaves the outbox as soon as the message is sent (or dropped, for an
address that is not a member's).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from kcsite.links import absolute_url
from kcsite.mail import Mail, builder, email_key

from .models.members import MembershipApplication
from .models.messages import MessageDelivery
from .services.access import (
    WELCOME_LINK_LIFETIME,
    create_login_link,
    login_link_lifetime,
    welcome_login_url,
)
from .services.applications import verification_token, verify_link_max_age
from .services.common import public_url
from .services.network_messages import finish_message_if_done, unsubscribe_token

Status = MembershipApplication.Status


def _template(name):
    return "membership/mail/" + name.removeprefix("membership.")


def _about_application(params):
    return f"membership.application:{params['application_id']}"


def _about_address(params):
    return email_key(params["email"])


def _application_mail(name, recipient, only_if_status=None):
    """Declare ``context(application)`` as the builder of message ``name``, sent to
    ``recipient(application)`` ((addresses, language)); nothing is sent once the application
    is gone or, with ``only_if_status``, has left that status."""

    def declare(context):
        @builder(name, about=_about_application)
        def build(application_id):
            application = (
                MembershipApplication.objects.select_related("organisation_type", "member__user")
                .filter(pk=application_id)
                .first()
            )
            if application is None or only_if_status not in (None, application.status):
                return None
            to, language = recipient(application)
            return Mail(_template(name), context(application), to, language)

        return context

    return declare


def _to_applicant(name, only_if_status=None):
    return _application_mail(
        name, lambda application: ([application.email], application.language), only_if_status
    )


def _to_team(name):
    return _application_mail(name, lambda _application: ([settings.TEAM_DOMINO_EMAIL], "sv"))


def _to_address(name):
    """Declare ``context(language, **params)`` as the builder of ``name``, sent to the
    ``email`` parameter in the ``language`` parameter."""

    def declare(context):
        @builder(name, about=_about_address)
        def build(email, language, **params):
            return Mail(_template(name), context(language, **params), [email], language)

        return context

    return declare


@_to_address("membership.already_member")
def already_member(language):
    return {"login_url": public_url("membership:login", language)}


@_to_applicant("membership.verify", only_if_status=Status.UNVERIFIED)
def verify(application):
    return {
        "name": application.name,
        "verify_url": public_url(
            "membership:verify", application.language, verification_token(application)
        ),
        "hours": verify_link_max_age() // 3600,
    }


@_to_team("membership.new_application")
def new_application(application):
    list_url = reverse("wagtailsnippets_membership_membershipapplication:list")
    return {
        "name": application.name,
        "organisation": application.organisation,
        "organisation_type": application.organisation_type.name,
        "role": application.role,
        "admin_url": absolute_url(list_url + "?status=pending"),
    }


@_to_applicant("membership.approved")
def approved(application):
    return {
        "name": application.name,
        "message": application.decision_message,
        "login_url": public_url("membership:login", application.language),
        "welcome_url": welcome_login_url(application),
        "days": WELCOME_LINK_LIFETIME.days,
    }


@_to_applicant("membership.declined")
def declined(application):
    return {"name": application.name, "message": application.decision_message}


@_to_address("membership.left")
def left(language, name):
    return {"name": name, "apply_url": public_url("membership:apply", language)}


@builder("membership.login_link", about=_about_address)
def login_link(email, next_url, language):
    """A fresh one-time login link, only if ``email`` is a member's (else nothing is sent)."""
    made = create_login_link(email, next_url, language)
    if made is None:
        return None
    member, url = made
    return Mail(
        _template("membership.login_link"),
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
    """One member's copy of a message; marked sent (and the message finished) once it left."""
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
    url = public_url("membership:unsubscribe", member.language, unsubscribe_token(member))

    def mark_sent():
        MessageDelivery.objects.filter(pk=delivery_id).update(sent_at=timezone.now())
        finish_message_if_done(message.pk)

    return Mail(
        _template("membership.network_message"),
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
