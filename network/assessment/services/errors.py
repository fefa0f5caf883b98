"""What can go wrong while a team fills in an assessment, with the words the visitor reads."""

from django.utils.translation import gettext_lazy as _

from kcsite.errors import Refused, Stale


class AssessmentError(Refused):
    message = _("Det gick inte att spara. Försök igen.")


class NoActiveSet(AssessmentError):
    message = _("Självskattningen är inte öppen just nu. Försök igen senare.")


class AlreadyCompleted(AssessmentError):
    message = _("Självskattningen är redan klar och kan inte ändras. Gör om den för att jämföra.")


class NotCompleted(AssessmentError):
    message = _("Självskattningen är inte klar än.")


class VersionConflict(Stale, AssessmentError):
    """Someone saved the assessment after this visitor's page was shown; ``current`` is the
    assessment as saved."""

    message = _(
        "Någon annan i teamet har sparat självskattningen medan du fyllde i. Inget är "
        "överskrivet: här ser du vad som sparades och dina egna val. Kontrollera och spara igen."
    )
