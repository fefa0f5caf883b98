"""Team Domino's registration list in the admin: the snippet viewset, its permission policy,
the row buttons and the bulk actions that change a registration's status."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import SnippetViewSet

from kcsite.admin_tables import BadgeColumn
from kcsite.csvsafe import SafeCsvExportsViewSetMixin

from .models import Registration
from .services import cancelling, staff
from .services.errors import RegistrationError

STATUS_TONES = {
    Registration.Status.CONFIRMED: "positive",
    Registration.Status.WAITLISTED: "waiting",
    Registration.Status.CANCELLED: "neutral",
    Registration.Status.ATTENDED: "active",
    Registration.Status.NO_SHOW: "negative",
}


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
    list_export = [
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
        "status_changed_at",
    ]
    export_headings = {"adaptation_text": _("Anpassningar")}
    export_filename = "anmalningar"
    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_view_fields = [
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


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """Nobody adds registrations in the admin: only the form does (it respects capacity)."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])


class RegistrationBulkAction(SnippetBulkAction):
    template_name = "events/admin/confirm_action.html"
    models = [Registration]
    change = None

    def check_perm(self, obj):
        return self.request.user.has_perm("events.change_registration")

    def get_execution_context(self):
        return {"user": self.request.user, "change": type(self).change}

    @classmethod
    def execute_action(cls, objects, user=None, change=None, **kwargs):
        done = 0
        for obj in objects:
            try:
                change(obj.pk, user=user)
            except RegistrationError:
                continue
            done += 1
        return done, len(objects) - done

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["verb"] = self.display_name
        return context

    def get_success_message(self, done, skipped):
        message = ngettext("%(count)d anmälan ändrad.", "%(count)d anmälningar ändrade.", done) % {
            "count": done
        }
        if skipped:
            message += " " + ngettext(
                "%(count)d kunde inte ändras (fel status eller inga lediga platser).",
                "%(count)d kunde inte ändras (fel status eller inga lediga platser).",
                skipped,
            ) % {"count": skipped}
        return message


def _attended(pk, user=None):
    return staff.mark_attendance(pk, True, user=user)


def _no_show(pk, user=None):
    return staff.mark_attendance(pk, False, user=user)


def _cancel(pk, user=None):
    return cancelling.cancel(pk, user=user)


class AttendedAction(RegistrationBulkAction):
    display_name = _("Deltog")
    action_type = "attended"
    aria_label = _("Markera valda som deltagande")
    action_priority = 10
    change = staticmethod(_attended)


class NoShowAction(RegistrationBulkAction):
    display_name = _("Uteblev")
    action_type = "no_show"
    aria_label = _("Markera valda som uteblivna")
    action_priority = 20
    change = staticmethod(_no_show)


class ConfirmAction(RegistrationBulkAction):
    display_name = _("Ge plats")
    action_type = "confirm"
    aria_label = _("Flytta valda från väntelistan till bekräftade")
    action_priority = 30
    change = staticmethod(staff.confirm_from_waitlist)


class WaitlistAction(RegistrationBulkAction):
    display_name = _("Till väntelistan")
    action_type = "waitlist"
    aria_label = _("Flytta valda bekräftade till väntelistan")
    action_priority = 40
    change = staticmethod(staff.move_to_waitlist)


class CancelAction(RegistrationBulkAction):
    display_name = _("Avboka")
    action_type = "cancel_registration"
    aria_label = _("Avboka valda anmälningar")
    action_priority = 50
    change = staticmethod(_cancel)


BULK_ACTIONS = (AttendedAction, NoShowAction, ConfirmAction, WaitlistAction, CancelAction)


def registration_buttons(snippet, user, next_url=None):
    """Row buttons in the registration list: the status changes open for this registration."""
    if not isinstance(snippet, Registration) or not user.has_perm("events.change_registration"):
        return []
    next_url = next_url or reverse("wagtailsnippets_events_registration:list")

    def url(action):
        path_ = reverse("wagtail_bulk_action", args=("events", "registration", action))
        return path_ + "?" + urlencode({"id": snippet.pk, "next": next_url})

    buttons = []
    if snippet.status in Registration.SEAT_STATES:
        buttons.append(Button(_("Deltog"), url=url("attended"), icon_name="check", priority=5))
        buttons.append(Button(_("Uteblev"), url=url("no_show"), icon_name="cross", priority=6))
    if snippet.status == Registration.Status.WAITLISTED:
        buttons.append(Button(_("Ge plats"), url=url("confirm"), icon_name="arrow-up", priority=7))
    if snippet.status == Registration.Status.CONFIRMED:
        buttons.append(
            Button(_("Till väntelistan"), url=url("waitlist"), icon_name="arrow-down", priority=8)
        )
    return buttons


def register_log_actions(actions):
    """The audit log's names for the status changes (shown in each registration's history)."""
    actions.register_action("events.cancel", _("Avbokad"), _("Anmälan avbokad"))
    actions.register_action("events.promote", _("Fick plats"), _("Flyttad från väntelistan"))
    actions.register_action(
        "events.to_waitlist", _("Till väntelistan"), _("Flyttad till väntelistan")
    )
    actions.register_action("events.attended", _("Deltog"), _("Markerad som deltagande"))
    actions.register_action("events.no_show", _("Uteblev"), _("Markerad som utebliven"))
    actions.register_action(
        "events.email_participants", _("Mejl till deltagare"), _("Mejl skickat till deltagarna")
    )
