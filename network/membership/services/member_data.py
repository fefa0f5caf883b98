"""A member's data: the directory, their own data to download, leaving the network."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q

from kcsite import mail
from kcsite.mail import email_key, send_mail

from ..models.members import Member, MembershipApplication


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
