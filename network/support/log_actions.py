"""How the support request's log entries read in the admin's history."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

from .choices import State


def _state_label(value):
    try:
        return State(value).label
    except ValueError:
        return value


def register_log_actions(actions):
    """Register how the request's log entries read in the admin's history."""

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
