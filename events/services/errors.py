"""Why a registration or a change to one is refused: each error carries the visitor's message."""

from django.utils.translation import gettext_lazy as _

from kcsite.errors import Refused


class RegistrationError(Refused):
    """A registration or change that must not happen; ``message`` is shown to the visitor."""

    message = _("Det gick inte att genomföra ändringen.")


class RegistrationClosed(RegistrationError):
    message = _("Anmälan till det här evenemanget är stängd.")


class RegistrationNotOpenYet(RegistrationError):
    message = _("Anmälan har inte öppnat än.")


class EventPast(RegistrationError):
    message = _("Evenemanget har redan varit.")


class DuplicateRegistration(RegistrationError):
    message = _(
        "Den här e-postadressen är redan anmäld till evenemanget. Använd länken i "
        "bekräftelsemejlet för att se, ändra eller avboka din anmälan."
    )


class StaleLink(RegistrationError):
    message = _(
        "Anmälan ändrades medan du hade sidan öppen. Här ser du hur den ser ut nu; gör "
        "ändringen igen om den fortfarande behövs."
    )


class NotAllowed(RegistrationError):
    """A change that is not allowed now; raised with the words that say why."""


class Busy(RegistrationError):
    message = _("Många anmäler sig just nu. Vänta några sekunder och försök igen.")


STATE_ERRORS = {
    "closed": RegistrationClosed,
    "disabled": RegistrationClosed,
    "not_yet": RegistrationNotOpenYet,
    "past": EventPast,
}
