"""Why a registration or a change to one is refused: each error carries the visitor's message."""

from django.utils.translation import gettext_lazy as _

from kcsite.errors import Refused


class RegistrationError(Refused):
    """A registration or change that must not happen; ``message`` is shown to the visitor."""

    code = "error"
    message = _("Det gick inte att genomföra ändringen.")


class RegistrationClosed(RegistrationError):
    code = "closed"
    message = _("Anmälan till det här evenemanget är stängd.")


class RegistrationNotOpenYet(RegistrationError):
    code = "not_yet"
    message = _("Anmälan har inte öppnat än.")


class EventPast(RegistrationError):
    code = "past"
    message = _("Evenemanget har redan varit.")


class DuplicateRegistration(RegistrationError):
    code = "duplicate"
    message = _(
        "Den här e-postadressen är redan anmäld till evenemanget. Använd länken i "
        "bekräftelsemejlet för att se, ändra eller avboka din anmälan."
    )


class StaleLink(RegistrationError):
    code = "stale"
    message = _(
        "Anmälan ändrades medan du hade sidan öppen. Här ser du hur den ser ut nu; gör "
        "ändringen igen om den fortfarande behövs."
    )


class NotAllowed(RegistrationError):
    code = "not_allowed"


class Busy(RegistrationError):
    code = "busy"
    message = _("Många anmäler sig just nu. Vänta några sekunder och försök igen.")


STATE_ERRORS = {
    "closed": RegistrationClosed,
    "disabled": RegistrationClosed,
    "not_yet": RegistrationNotOpenYet,
    "past": EventPast,
}
