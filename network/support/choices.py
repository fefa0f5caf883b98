"""Choices and state sets of support requests, shared by models, forms, services and the admin.

School forms and school types are not here: they are the shared :mod:`kcsite.vocabularies`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceKind(models.TextChoices):
    CONSULTATION = "consultation", _("Konsultation")
    SUPERVISION = "supervision", _("Handledning")
    PROCESS_SUPPORT = "process_support", _("Riktat processtöd")
    GDQ = "gdq", _("Grupputveckling med GDQ")
    MAPPING = "mapping", _("Stöd i kartläggning och utredning")


#: Services where the requester picks one of Team Domino's free times (or asks to be contacted).
BOOKABLE_KINDS = {ServiceKind.CONSULTATION, ServiceKind.SUPERVISION}


class MeetingMode(models.TextChoices):
    ON_SITE = "on_site", _("På plats")
    VIDEO = "video", _("Videomöte")
    PHONE = "phone", _("Telefon")


class Role(models.TextChoices):
    PRINCIPAL = "principal", _("Rektor eller biträdande rektor")
    PUPIL_HEALTH = "pupil_health", _("Elevhälsa (t.ex. kurator, skolsköterska, specialpedagog)")
    TEACHER = "teacher", _("Lärare eller mentor")
    OTHER = "other", _("Annan roll")


class State(models.TextChoices):
    NEW = "new", _("Ny")
    UNDER_ASSESSMENT = "under_assessment", _("Bedöms")
    BOOKED = "booked", _("Bokad")
    PLANNED = "planned", _("Planerad")
    IN_PROGRESS = "in_progress", _("Pågår")
    CLOSED = "closed", _("Avslutad")
    DECLINED = "declined", _("Avböjd")
    REFERRED = "referred_elsewhere", _("Hänvisad till annan")
    CANCELLED = "cancelled", _("Återkallad av beställaren")


#: States in which a request holds the time it booked (a time is booked once).
HOLDING_STATES = (
    State.NEW,
    State.UNDER_ASSESSMENT,
    State.BOOKED,
    State.PLANNED,
    State.IN_PROGRESS,
    State.CLOSED,
)
#: States in which the requester may still add information, cancel or rebook.
OPEN_STATES = (State.NEW, State.UNDER_ASSESSMENT, State.BOOKED, State.PLANNED)
#: Final states: the request's personal data is anonymised some time after it got here.
FINAL_STATES = (State.CLOSED, State.DECLINED, State.REFERRED, State.CANCELLED)
