"""Registers the network's admin (``admin_views``), member-area privacy and retention."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from kcsite import retention
from kcsite.staff_admin import no_add_in_admin

from . import admin_views, views
from .models import Member, MembershipApplication
from .services.applications import purge_stale_applications
from .services.member_area import ensure_member_privacy

# Applications come from the public form and members from approvals, never "Add".
no_add_in_admin(Member)
no_add_in_admin(MembershipApplication)
register_snippet(admin_views.NetworkViewSetGroup)
admin_views.APPLICATION_ACTIONS.register()
admin_views.MESSAGE_ACTIONS.register()
admin_views.PENDING_PANEL.register()
hooks.register("before_serve_page", views.refuse_logged_in_non_members, order=-10)
hooks.register("before_serve_document", views.refuse_document_to_non_members, order=-10)


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
