"""Team Domino's admin for the network: viewsets, and the decisions and the sending of
messages as staff actions generated from the workflows in ``services`` (kcsite.staff_admin).

Registered in ``wagtail_hooks``.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.admin.ui.tables import DateColumn
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kcsite.admin_tables import BadgeColumn
from kcsite.csvsafe import SafeCsvExportsViewSetMixin
from kcsite.staff_admin import DashboardPanel, HeaderButtonsMixin, StaffActions, state_counts

from .forms import DecisionForm
from .models import Member, MembershipApplication, NetworkMessage, OrganisationType
from .services.applications import APPLICATIONS
from .services.network_messages import MESSAGES

Status = MembershipApplication.Status

#: Who an application or a member is, in exports and on the inspect page.
PERSON_FIELDS = ["name", "email", "organisation_type", "organisation", "role"]
#: What staff search applications and members by: who someone is.
PERSON_SEARCH = ["name", "email", "organisation", "role"]


APPLICATION_TONES = {
    Status.UNVERIFIED: "neutral",
    Status.PENDING: "waiting",
    Status.APPROVED: "positive",
    Status.DECLINED: "negative",
}


APPLICATION_ACTIONS = StaffActions(
    APPLICATIONS,
    icon="form",
    item_template="membership/admin/application_item.html",
    forms={"approve": DecisionForm, "decline": DecisionForm},
    done_messages={
        "approve": ngettext_lazy(
            "%(count)d ansökan godkänd.", "%(count)d ansökningar godkända.", "count"
        ),
        "decline": ngettext_lazy(
            "%(count)d ansökan avslagen.", "%(count)d ansökningar avslagna.", "count"
        ),
    },
)

MESSAGE_ACTIONS = StaffActions(
    MESSAGES,
    icon="mail",
    item_template="membership/admin/message_item.html",
    done_messages={
        "send": ngettext_lazy(
            "%(count)d utskick köat för att skickas.",
            "%(count)d utskick köade för att skickas.",
            "count",
        )
    },
)

PENDING_PANEL = DashboardPanel(
    "membership_pending",
    _("Närvaronätverket"),
    "membership.change_membershipapplication",
    order=150,
    rows=state_counts(
        APPLICATIONS,
        "wagtailsnippets_membership_membershipapplication:list",
        {
            Status.PENDING: ngettext_lazy(
                "%(count)d medlemsansökan väntar på beslut",
                "%(count)d medlemsansökningar väntar på beslut",
                "count",
            )
        },
    ),
)


class ApplicationEditView(HeaderButtonsMixin, snippet_views.EditView):
    staff_actions = APPLICATION_ACTIONS


class ApplicationInspectView(HeaderButtonsMixin, snippet_views.InspectView):
    staff_actions = APPLICATION_ACTIONS


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
    search_fields = PERSON_SEARCH
    list_export = [
        *PERSON_FIELDS,
        "status",
        "created_at",
        "verified_at",
        "decided_at",
    ]
    export_filename = "ansokningar"
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        *PERSON_FIELDS,
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
    search_fields = PERSON_SEARCH
    list_export = [
        *PERSON_FIELDS,
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
