"""One base for what a service refuses to do, with the words the person who tried reads.

An app's ``services/errors.py`` declares its refusals on it::

    class RoutineError(Refused):
        message = _("Ändringen kunde inte göras.")

    class Conflict(RoutineError):
        message = _("Någon annan har sparat rutinen …")

and a view shows ``error.message`` (``raise RoutineError(_("Välj en av mallarna."))`` gives a
message of its own). A save that lost a race to someone else's raises a :class:`Stale` that
carries what stands now, so the page can show it beside what the visitor typed. Staff state
changes have theirs: :class:`kcsite.workflow.TransitionError`.
"""

from django.utils.translation import gettext_lazy as _


class Refused(Exception):
    """A change that must not happen; ``message`` (translated) is shown to whoever tried."""

    message = _("Ändringen kunde inte göras.")

    def __init__(self, message=None):
        if message:
            self.message = message
        super().__init__(str(self.message))


class Stale(Refused):
    """Someone else saved after the visitor's page was shown: nothing was changed, and
    ``current`` is what stands now (the newest version, or the record as saved)."""

    def __init__(self, current, message=None):
        super().__init__(message)
        self.current = current
