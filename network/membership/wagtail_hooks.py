"""Registers the network's admin (``admin_views``), log actions, member-area privacy and
retention."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from kcsite import retention

from . import admin_views, views
from .models import Member, MembershipApplication
from .services.applications import purge_stale_applications
from .services.member_area import ensure_member_privacy

register_permission_policy(Member, admin_views.NoAddPermissionPolicy(Member))
register_permission_policy(
    MembershipApplication, admin_views.NoAddPermissionPolicy(MembershipApplication)
)
register_snippet(admin_views.NetworkViewSetGroup)

for bulk_action in (
    admin_views.ApproveBulkAction,
    admin_views.DeclineBulkAction,
    admin_views.SendMessageBulkAction,
):
    hooks.register("register_bulk_action", bulk_action)
hooks.register("register_snippet_listing_buttons", admin_views.message_send_button)
hooks.register("register_snippet_listing_buttons", admin_views.application_decision_buttons)
hooks.register("construct_homepage_panels", admin_views.pending_applications_panel)
hooks.register("before_serve_page", views.refuse_logged_in_non_members, order=-10)
hooks.register("before_serve_document", views.refuse_document_to_non_members, order=-10)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("membership.approve", _("Godkänn"), _("Ansökan godkänd"))
    actions.register_action("membership.decline", _("Avslå"), _("Ansökan avslagen"))


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def keep_member_area_private(request, page):
    ensure_member_privacy(page)


@hooks.register(retention.HOOK)
def delete_unverified_applications(now):
    """Applications never verified within the link's lifetime (MEMBERSHIP_VERIFY_LINK_HOURS,
    72 h: "raderas efter tre dagar" in the data text). Members keep their data until they
    leave; leaving deletes it at once (``member_data.leave_network``)."""
    return purge_stale_applications(now)
