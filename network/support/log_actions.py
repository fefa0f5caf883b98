"""How the support request's log entries read in the admin's history."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter


def register_log_actions(actions):
    """Register how the request's log entries read in the admin's history (state changes:
    :data:`.workflow.REQUESTS` registers those)."""

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
