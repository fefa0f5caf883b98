"""Team Domino's admin for the network: viewsets, decisions and sending messages.

Registered in ``wagtail_hooks``.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.widgets import Button, HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kcsite.admin_tables import BadgeColumn
from kcsite.csvsafe import SafeCsvExportsViewSetMixin

from .forms import DecisionForm
from .models import Member, MembershipApplication, NetworkMessage, OrganisationType
from .services.applications import approve_application, decline_application
from .services.network_messages import queue_network_message


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """Applications come from the public form and members from approvals, never "Add"."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


APPLICATION_TONES = {
    MembershipApplication.Status.UNVERIFIED: "neutral",
    MembershipApplication.Status.PENDING: "waiting",
    MembershipApplication.Status.APPROVED: "positive",
    MembershipApplication.Status.DECLINED: "negative",
}


def decision_buttons(application, user, next_url, button_class=Button):
    """The "Godkänn" and "Avslå" buttons of a pending application (to the confirmation)."""
    if application.status != MembershipApplication.Status.PENDING:
        return []
    if not user.has_perm("membership.change_membershipapplication"):
        return []
    return [
        button_class(
            _("Godkänn"),
            url=decision_url("approve", application, next_url),
            icon_name="check",
            priority=5,
        ),
        button_class(
            _("Avslå"),
            url=decision_url("decline", application, next_url),
            icon_name="cross",
            priority=6,
        ),
    ]


class DecisionHeaderMixin:
    """The decision buttons in the header of an application's own page (edit and inspect)."""

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            *decision_buttons(
                self.object, self.request.user, self.request.get_full_path(), HeaderButton
            ),
        ]


class ApplicationEditView(DecisionHeaderMixin, snippet_views.EditView):
    pass


class ApplicationInspectView(DecisionHeaderMixin, snippet_views.InspectView):
    pass


class ApplicationViewSet(SafeCsvExportsViewSetMixin, SnippetViewSet):
    model = MembershipApplication
    edit_view_class = ApplicationEditView
    inspect_view_class = ApplicationInspectView
    icon = "form"
    menu_label = _("Ansökningar")
    list_display = [
        "name",
        "organisation",
        "organisation_type",
        "role",
        BadgeColumn("status", APPLICATION_TONES, label=_("Status"), sort_key="status"),
        DateColumn("created_at", label=_("Inkommen"), sort_key="created_at"),
    ]
    ordering = "-created_at"
    list_filter = ["status", "organisation_type", "created_at"]
    search_fields = ["name", "email", "organisation", "role"]
    list_export = [
        "name",
        "email",
        "organisation_type",
        "organisation",
        "role",
        "status",
        "created_at",
        "verified_at",
        "decided_at",
    ]
    export_filename = "ansokningar"
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "email",
        "organisation_type",
        "organisation",
        "role",
        "motivation",
        "show_in_directory",
        "status",
        "created_at",
        "verified_at",
        "decided_at",
        "decided_by",
        "decision_message",
    ]


class MemberViewSet(SafeCsvExportsViewSetMixin, SnippetViewSet):
    model = Member
    icon = "group"
    menu_label = _("Medlemmar")
    list_display = ["name", "email", "organisation", "organisation_type", "role", "joined_at"]
    list_filter = ["organisation_type", "show_in_directory", "joined_at"]
    search_fields = ["name", "email", "organisation", "role"]
    list_export = [
        "name",
        "email",
        "organisation_type",
        "organisation",
        "role",
        "show_in_directory",
        "receives_messages",
        "joined_at",
    ]
    export_filename = "natverkets-medlemmar"
    copy_view_enabled = False
    add_to_admin_menu = False


class OrganisationTypeViewSet(SnippetViewSet):
    model = OrganisationType
    icon = "list-ul"
    menu_label = _("Organisationstyper")
    list_display = ["name", "name_en", "slug", "sort_order", "active"]


class NetworkMessageViewSet(SnippetViewSet):
    model = NetworkMessage
    icon = "mail"
    menu_label = _("Utskick")
    list_display = ["subject", "status", "recipient_count", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject", "body"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "subject",
        "body",
        "status",
        "created_at",
        "queued_at",
        "sent_at",
        "recipient_count",
        "delivered_count",
    ]


class NetworkViewSetGroup(SnippetViewSetGroup):
    items = (ApplicationViewSet, MemberViewSet, NetworkMessageViewSet, OrganisationTypeViewSet)
    menu_label = _("Närvaronätverket")
    menu_icon = "group"
    menu_order = 260


class DecisionBulkAction(SnippetBulkAction):
    """Approve or decline pending applications with a message (one or many at once)."""

    template_name = "membership/admin/confirm_decision.html"
    form_class = DecisionForm
    models = [MembershipApplication]
    decide = None

    def check_perm(self, obj):
        return self.request.user.has_perm("membership.change_membershipapplication")

    def get_execution_context(self):
        return {
            "user": self.request.user,
            "message": self.cleaned_form.cleaned_data["message"],
            "decide": type(self).decide,
        }

    @classmethod
    def execute_action(cls, objects, user=None, message="", decide=None, **kwargs):
        done = sum(1 for obj in objects if decide(obj.pk, user=user, message=message) is not None)
        return done, len(objects) - done

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["verb"] = self.display_name
        context["pending_status"] = MembershipApplication.Status.PENDING
        return context


def _skipped_note(skipped):
    """The part of a bulk decision's message about applications that were not pending."""
    if not skipped:
        return ""
    return " " + ngettext(
        "%(count)d väntade inte på beslut och ändrades inte.",
        "%(count)d väntade inte på beslut och ändrades inte.",
        skipped,
    ) % {"count": skipped}


class ApproveBulkAction(DecisionBulkAction):
    display_name = _("Godkänn")
    action_type = "approve"
    aria_label = _("Godkänn valda ansökningar")
    action_priority = 10
    decide = staticmethod(approve_application)

    def get_success_message(self, done, skipped):
        message = ngettext(
            "%(count)d ansökan godkänd.", "%(count)d ansökningar godkända.", done
        ) % {"count": done}
        return message + _skipped_note(skipped)


class DeclineBulkAction(DecisionBulkAction):
    display_name = _("Avslå")
    action_type = "decline"
    aria_label = _("Avslå valda ansökningar")
    action_priority = 20
    decide = staticmethod(decline_application)

    def get_success_message(self, done, skipped):
        message = ngettext(
            "%(count)d ansökan avslagen.", "%(count)d ansökningar avslagna.", done
        ) % {"count": done}
        return message + _skipped_note(skipped)


class SendMessageBulkAction(SnippetBulkAction):
    """Send a draft message to every member who receives messages (queued in batches)."""

    display_name = _("Skicka till medlemmarna")
    action_type = "send"
    aria_label = _("Skicka valda utskick till alla medlemmar")
    template_name = "membership/admin/confirm_send.html"
    models = [NetworkMessage]
    action_priority = 10

    def check_perm(self, obj):
        return self.request.user.has_perm("membership.change_networkmessage")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recipient_count"] = Member.objects.filter(receives_messages=True).count()
        context["draft_status"] = NetworkMessage.Status.DRAFT
        return context

    @classmethod
    def execute_action(cls, objects, **kwargs):
        queued = [queue_network_message(obj.pk) for obj in objects]
        done = sum(1 for result in queued if result is not None)
        return done, len(objects) - done

    def get_success_message(self, done, skipped):
        message = ngettext(
            "%(count)d utskick köat för att skickas.",
            "%(count)d utskick köade för att skickas.",
            done,
        ) % {"count": done}
        if skipped:
            message += " " + ngettext(
                "%(count)d var redan skickat och skickades inte igen.",
                "%(count)d var redan skickade och skickades inte igen.",
                skipped,
            ) % {"count": skipped}
        return message


def decision_url(action, application, next_url):
    path = reverse("wagtail_bulk_action", args=("membership", "membershipapplication", action))
    return path + "?" + urlencode({"id": application.pk, "next": next_url})


def message_send_button(snippet, user, next_url=None):
    if not isinstance(snippet, NetworkMessage) or snippet.status != NetworkMessage.Status.DRAFT:
        return []
    if not user.has_perm("membership.change_networkmessage"):
        return []
    path = reverse("wagtail_bulk_action", args=("membership", "networkmessage", "send"))
    next_url = next_url or reverse("wagtailsnippets_membership_networkmessage:list")
    url = path + "?" + urlencode({"id": snippet.pk, "next": next_url})
    return [Button(_("Skicka till medlemmarna"), url=url, icon_name="mail", priority=5)]


def application_decision_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, MembershipApplication):
        return []
    next_url = next_url or reverse("wagtailsnippets_membership_membershipapplication:list")
    return decision_buttons(snippet, user, next_url)


class PendingApplicationsPanel(Component):
    """The dashboard's "N applications wait for a decision" panel."""

    name = "membership_pending"
    order = 150
    template_name = "membership/admin/pending_panel.html"

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context=None):
        return {
            "count": self.count,
            "url": reverse("wagtailsnippets_membership_membershipapplication:list")
            + "?status=pending",
        }


def pending_applications_panel(request, panels):
    if not request.user.has_perm("membership.change_membershipapplication"):
        return
    count = MembershipApplication.objects.filter(
        status=MembershipApplication.Status.PENDING
    ).count()
    if count:
        panels.append(PendingApplicationsPanel(count))
