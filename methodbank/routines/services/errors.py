from django.utils.translation import gettext_lazy as _

from kcsite.errors import Refused, Stale


class RoutineError(Refused):
    """A change that cannot be made; ``message`` is for the visitor."""

    message = _("Ändringen kunde inte göras.")


class Conflict(Stale, RoutineError):
    """The routine was saved by someone else after the visitor opened it; ``current`` is its
    newest version."""

    message = _(
        "Rutinen har ändrats sedan du öppnade den. Det du skrev finns kvar nedan: "
        "titta på den nya versionen och spara igen om du vill."
    )
