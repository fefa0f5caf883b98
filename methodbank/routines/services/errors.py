from django.utils.translation import gettext_lazy as _


class RoutineError(Exception):
    """A change that cannot be made; ``message`` is for the visitor."""

    message = _("Ändringen kunde inte göras.")

    def __init__(self, message=None):
        super().__init__(message or self.message)
        if message:
            self.message = message


class Conflict(RoutineError):
    """The routine was saved by someone else after the visitor opened it."""

    message = _(
        "Rutinen har ändrats sedan du öppnade den. Det du skrev finns kvar nedan: "
        "titta på den nya versionen och spara igen om du vill."
    )

    def __init__(self, current_version):
        super().__init__()
        self.current_version = current_version
