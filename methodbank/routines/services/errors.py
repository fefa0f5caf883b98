from django.utils.translation import gettext_lazy as _

from kcsite.errors import Refused


class RoutineError(Refused):
    """A change that cannot be made; ``message`` is for the visitor."""

    message = _("Ändringen kunde inte göras.")


class Conflict(RoutineError):
    """The routine was saved by someone else after the visitor opened it."""

    message = _(
        "Rutinen har ändrats sedan du öppnade den. Det du skrev finns kvar nedan: "
        "titta på den nya versionen och spara igen om du vill."
    )

    def __init__(self, current_version):
        super().__init__()
        self.current_version = current_version
