from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import State, SupportRequest


class RequestsComeFromTheFormPolicy(ModelPermissionPolicy):
    """Requests are made by requesters through the public form: nobody adds or deletes one in
    the admin (retention anonymises instead)."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


# Registered before any viewset asks for the model's policy.
register_permission_policy(SupportRequest, RequestsComeFromTheFormPolicy(SupportRequest))

from . import stats  # noqa: E402
from .admin_views import SupportViewSetGroup, statistics_view  # noqa: E402


@hooks.register("register_admin_viewset")
def register_viewsets():
    return SupportViewSetGroup()


@hooks.register("register_admin_urls")
def register_urls():
    return [path("support/statistics/", statistics_view, name="support_statistics")]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("support.view_supportrequest")


@hooks.register("register_admin_menu_item")
def statistics_menu_item():
    return StatisticsMenuItem(
        _("Stödstatistik"), reverse("support_statistics"), icon_name="table", order=251
    )


class SupportPanel(Component):
    name = "support_requests"
    order = 90
    template_name = "support/admin/dashboard_panel.html"

    def get_context_data(self, parent_context):
        return {"counts": stats.dashboard_counts(), "report": stats.build_report(months=3)}


@hooks.register("construct_homepage_panels")
def add_support_panel(request, panels):
    if request.user.has_perm("support.view_supportrequest"):
        panels.append(SupportPanel())


def _state_label(value):
    try:
        return State(value).label
    except ValueError:
        return value


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action("support.state_change")
    class StateChange(LogFormatter):
        label = _("Statusändring")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            message = _("Status: %(from)s → %(to)s") % {
                "from": _state_label(data.get("from", "")),
                "to": _state_label(data.get("to", "")),
            }
            if data.get("reason"):
                message += " – " + data["reason"]
            return message

    @actions.register_action("support.field_change")
    class FieldChange(LogFormatter):
        label = _("Ändrat fält")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            names = {"assignee": _("Handläggare"), "first_meeting_at": _("Första möte")}
            return _("%(field)s: %(from)s → %(to)s") % {
                "field": names.get(data.get("field"), data.get("field", "")),
                "from": data.get("from") or "–",
                "to": data.get("to") or "–",
            }

    @actions.register_action("support.rebooked")
    class Rebooked(LogFormatter):
        label = _("Ny tid bokad")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Tid: %(from)s → %(to)s") % {
                "from": (data.get("from") or "–")[:16].replace("T", " "),
                "to": (data.get("to") or "–")[:16].replace("T", " "),
            }

    actions.register_action(
        "support.requester_added",
        _("Tillägg från beställaren"),
        _("Beställaren lade till information"),
    )
    actions.register_action(
        "support.notes_edited", _("Interna anteckningar"), _("Interna anteckningar ändrade")
    )
