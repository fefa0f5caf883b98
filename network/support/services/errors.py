"""Why a request could not be changed; views show ``message`` to the person who tried."""

from django.utils.translation import gettext_lazy as _

from kcsite.errors import Refused


class SupportError(Refused):
    """A request could not be changed; ``message`` is shown to the person who tried."""

    message = _("Förfrågan kunde inte ändras.")


class SlotTaken(SupportError):
    message = _(
        "Tiden hann bokas av någon annan alldeles nyss. Välj en av de lediga tiderna nedan."
    )


class SlotUnavailable(SupportError):
    message = _("Tiden går inte längre att boka. Välj en av de lediga tiderna nedan.")


class StaleRequest(SupportError):
    message = _(
        "Förfrågan ändrades medan du hade sidan öppen. Här ser du hur den ser ut nu; gör "
        "ändringen igen om den fortfarande behövs."
    )


class InvalidTransition(SupportError):
    message = _("Den statusändringen är inte möjlig från nuvarande status.")


class ReasonRequired(SupportError):
    message = _("Skriv en motivering när ni avböjer eller hänvisar vidare.")


class TooManyAdditions(SupportError):
    message = _(
        "Du har lagt till information många gånger i dag. Team Domino läser det du har skickat; "
        "skriv igen i morgon eller svara på deras e-post."
    )
