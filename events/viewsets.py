"""Team Domino's registration list in the admin: the snippet viewset, and the row buttons and
bulk actions generated from the registration workflow (:mod:`events.services.workflow`)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import DateColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from kcsite.admin_tables import BadgeColumn
from kcsite.csvsafe import SafeCsvExportsViewSetMixin
from kcsite.staff_admin import StaffActions

from .models import Registration
from .services.workflow import REGISTRATIONS

STATUS_TONES = {
    Registration.Status.CONFIRMED: "positive",
    Registration.Status.WAITLISTED: "waiting",
    Registration.Status.CANCELLED: "neutral",
    Registration.Status.ATTENDED: "active",
    Registration.Status.NO_SHOW: "negative",
}


# What the export and the inspect view both show first: the registration as the person made it.
WHO_AND_WHEN = [
    "event",
    "status",
    "name",
    "email",
    "organisation",
    "role",
    "school_unit",
    "adaptation_text",
    "language",
    "created_at",
]


class RegistrationViewSet(SafeCsvExportsViewSetMixin, SnippetViewSet):
    model = Registration
    icon = "form"
    menu_label = _("Anmälningar")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "name",
        "organisation",
        "role",
        "event",
        BadgeColumn("status", STATUS_TONES, label=_("Status"), sort_key="status"),
        DateColumn("created_at", label=_("Anmäld"), sort_key="created_at"),
    ]
    list_filter = ["status", "event", "language", "created_at"]
    ordering = "-created_at"  # newest first: what Team Domino looks for
    search_fields = ["name", "email", "organisation", "role", "school_unit"]
    list_export = [*WHO_AND_WHEN, "status_changed_at"]
    export_headings = {"adaptation_text": _("Anpassningar")}
    export_filename = "anmalningar"
    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_view_fields = [
        *WHO_AND_WHEN,
        "queued_at",
        "status_changed_at",
        "version",
        "anonymised_at",
    ]
    # Status changes go through the actions (they keep capacity and waitlist right), and
    # registrations are made through the form only, so the edit form holds the details alone.
    panels = [
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("organisation"),
        FieldPanel("role"),
        FieldPanel("school_unit"),
        FieldPanel("adaptations_other"),
    ]

    def get_queryset(self, request):
        return Registration.objects.select_related("event")


REGISTRATION_ACTIONS = StaffActions(REGISTRATIONS, icon="form")
