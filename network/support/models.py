"""Team Domino's support on request: service pages, bookable times and support requests.

A request never holds information that identifies a pupil: it describes the school's need.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from kcsite.pages.models import BasePage
from kcsite.privacy import validate_no_personal_identity_number


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


class SchoolForm(models.TextChoices):
    PRESCHOOL_CLASS = "preschool_class", _("Förskoleklass")
    COMPULSORY = "compulsory", _("Grundskola")
    ADAPTED_COMPULSORY = "adapted_compulsory", _("Anpassad grundskola")
    UPPER_SECONDARY = "upper_secondary", _("Gymnasieskola")
    ADAPTED_UPPER_SECONDARY = "adapted_upper_secondary", _("Anpassad gymnasieskola")
    OTHER = "other", _("Annan verksamhet")


class SchoolType(models.TextChoices):
    MUNICIPAL = "municipal", _("Kommunal")
    INDEPENDENT = "independent", _("Fristående")


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


# -- pages ----------------------------------------------------------------------------------
class SupportIndexPage(BasePage):
    """/stod/: what Team Domino offers on request, one card per service."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["support.SupportServicePage"]
    max_count_per_parent = 1
    template = "support/support_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        services = list(SupportServicePage.objects.child_of(self).live().public())
        context["services"] = services
        # "Be om stöd" starts with a consultation: the lightest service, from which Team Domino
        # refers the school on when something else fits better.
        context["start_service"] = next(
            (s for s in services if s.service_kind == ServiceKind.CONSULTATION),
            services[0] if services else None,
        )
        return context

    class Meta:
        verbose_name = _("stödsida (översikt)")
        verbose_name_plural = _("stödsidor (översikt)")


class SupportServicePage(RoutablePageMixin, BasePage):
    """One offering: who it is for, what the school should have done first, what happens."""

    service_kind = models.CharField(_("typ av stöd"), max_length=30, choices=ServiceKind.choices)
    audience = models.TextField(_("för vem"), blank=True)
    prerequisites = models.TextField(
        _("innan ni ber om stöd"),
        blank=True,
        help_text=_(
            "Vad skolan ska ha gjort först: uppmärksammat, börjat utreda, påbörjat insatser."
        ),
    )
    what_happens = models.TextField(_("så går det till"), blank=True)
    duration = models.CharField(_("hur lång tid det tar"), max_length=255, blank=True)

    parent_page_types = ["support.SupportIndexPage"]
    subpage_types = []
    template = "support/support_service_page.html"

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("service_kind"),
                FieldPanel("audience"),
                FieldPanel("prerequisites"),
                FieldPanel("what_happens"),
                FieldPanel("duration"),
            ],
            heading=_("Tjänsten"),
        )
    ]

    @property
    def bookable(self):
        return self.service_kind in BOOKABLE_KINDS

    @path("")
    def service(self, request):
        return self.render(request)

    @path("begar/")
    def request_form(self, request):
        from .views import request_form_view

        return request_form_view(request, self)

    def request_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("request_form")

    class Meta:
        verbose_name = _("stödtjänst")
        verbose_name_plural = _("stödtjänster")


# -- availability ---------------------------------------------------------------------------
class WeeklyPattern(models.Model):
    """A repeating weekly time that generates bookable times for the coming weeks."""

    WEEKDAYS = [
        (0, _("måndag")),
        (1, _("tisdag")),
        (2, _("onsdag")),
        (3, _("torsdag")),
        (4, _("fredag")),
    ]
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medarbetare"),
        on_delete=models.CASCADE,
        related_name="support_patterns",
    )
    weekday = models.PositiveSmallIntegerField(_("veckodag"), choices=WEEKDAYS)
    start_time = models.TimeField(_("starttid"))
    duration_minutes = models.PositiveSmallIntegerField(_("längd (minuter)"), default=60)
    mode = models.CharField(_("form"), max_length=10, choices=MeetingMode.choices)
    location = models.CharField(
        _("plats eller länk"),
        max_length=255,
        blank=True,
        help_text=_("T.ex. adress eller 'länk skickas i bekräftelsen'."),
    )
    weeks_ahead = models.PositiveSmallIntegerField(_("antal veckor framåt"), default=4)
    active = models.BooleanField(_("aktivt"), default=True)
    valid_until = models.DateField(_("gäller till och med"), null=True, blank=True)

    panels = [
        FieldPanel("staff"),
        FieldPanel("weekday"),
        FieldPanel("start_time"),
        FieldPanel("duration_minutes"),
        FieldPanel("mode"),
        FieldPanel("location"),
        FieldPanel("weeks_ahead"),
        FieldPanel("valid_until"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("veckomönster")
        verbose_name_plural = _("veckomönster")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.start_time:%H:%M} ({self.staff})"


class AvailableSlot(models.Model):
    """A time Team Domino offers for consultation or supervision."""

    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medarbetare"),
        on_delete=models.PROTECT,
        related_name="support_slots",
    )
    start = models.DateTimeField(_("start"))
    duration_minutes = models.PositiveSmallIntegerField(_("längd (minuter)"), default=60)
    mode = models.CharField(_("form"), max_length=10, choices=MeetingMode.choices)
    location = models.CharField(_("plats eller länk"), max_length=255, blank=True)
    withdrawn = models.BooleanField(_("återkallad"), default=False)
    pattern = models.ForeignKey(
        WeeklyPattern,
        verbose_name=_("veckomönster"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="slots",
    )

    panels = [
        FieldPanel("staff"),
        FieldPanel("start"),
        FieldPanel("duration_minutes"),
        FieldPanel("mode"),
        FieldPanel("location"),
        FieldPanel("withdrawn"),
    ]

    class Meta:
        ordering = ["start"]
        verbose_name = _("bokningsbar tid")
        verbose_name_plural = _("bokningsbara tider")
        constraints = [
            models.UniqueConstraint(fields=["staff", "start"], name="support_slot_staff_start"),
        ]

    def __str__(self):
        local = timezone.localtime(self.start)
        return f"{local:%Y-%m-%d %H:%M} · {self.get_mode_display()} · {self.staff_name}"

    @property
    def end(self):
        return self.start + timedelta(minutes=self.duration_minutes)

    @property
    def staff_name(self):
        return self.staff.get_full_name() or self.staff.get_username()

    @property
    def is_booked(self):
        return self.requests.filter(state__in=HOLDING_STATES).exists()


# -- requests -------------------------------------------------------------------------------
class ReferenceCounter(models.Model):
    """The last sequence number handed out per year (locked while allocating)."""

    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"


class SupportRequest(models.Model):
    reference = models.CharField(_("ärendenummer"), max_length=20, unique=True, editable=False)
    year = models.PositiveIntegerField(editable=False)
    sequence = models.PositiveIntegerField(editable=False)

    service = models.ForeignKey(
        SupportServicePage,
        verbose_name=_("tjänst (sida)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    service_kind = models.CharField(_("tjänst"), max_length=30, choices=ServiceKind.choices)

    name = models.CharField(_("namn"), max_length=200)
    email = models.EmailField(_("e-post i tjänsten"))
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    organisation = models.CharField(_("skola eller enhet"), max_length=200)
    school_form = models.CharField(_("skolform"), max_length=30, choices=SchoolForm.choices)
    school_type = models.CharField(
        _("kommunal eller fristående"), max_length=20, choices=SchoolType.choices
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices)
    noticed = models.BooleanField(_("har uppmärksammat frånvaron"), default=False)
    investigated = models.BooleanField(_("har börjat utreda"), default=False)
    measures_started = models.BooleanField(_("har påbörjat insatser"), default=False)
    description = models.TextField(_("beskrivning av behovet"))
    participants = models.PositiveSmallIntegerField(_("antal deltagare"), null=True, blank=True)
    contact_me = models.BooleanField(_("vill bli kontaktad om tid"), default=False)
    language = models.CharField(_("språk"), max_length=8, default="sv")

    slot = models.ForeignKey(
        AvailableSlot,
        verbose_name=_("bokad tid"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="requests",
    )
    # The booked time, copied from the slot: the PostgreSQL exclusion constraint on
    # (staff member, time range) over holding states works on these columns.
    booked_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    booked_start = models.DateTimeField(null=True, blank=True, editable=False)
    booked_end = models.DateTimeField(null=True, blank=True, editable=False)
    first_meeting_at = models.DateTimeField(
        _("första möte"),
        null=True,
        blank=True,
        help_text=_("Sätts när en tid bokas; fyll i själv när stödet planeras utan bokad tid."),
    )

    state = models.CharField(
        _("status"), max_length=20, choices=State.choices, default=State.NEW, db_index=True
    )
    state_reason = models.TextField(
        _("motivering"), blank=True, validators=[validate_no_personal_identity_number]
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handläggare"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="support_requests",
    )
    internal_notes = models.TextField(
        _("interna anteckningar"),
        blank=True,
        help_text=_("Visas aldrig för beställaren."),
        validators=[validate_no_personal_identity_number],
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    ics_sequence = models.PositiveIntegerField(default=0, editable=False)

    created_at = models.DateTimeField(_("inkommen"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    closed_at = models.DateTimeField(_("avslutad"), null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("avidentifierad"), null=True, blank=True)

    panels = [
        FieldPanel("assignee"),
        FieldPanel("first_meeting_at"),
        FieldPanel("internal_notes"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("förfrågan om stöd")
        verbose_name_plural = _("förfrågningar om stöd")
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="support_reference_seq"),
            # A time is booked once: at most one request holding a slot.
            models.UniqueConstraint(
                fields=["slot"],
                condition=Q(state__in=HOLDING_STATES),
                name="support_slot_booked_once",
            ),
        ]

    def __str__(self):
        return f"{self.reference} · {self.get_service_kind_display()}"

    @property
    def booked_time(self):
        """When the first meeting is: the booked time, else the one Team Domino set."""
        return self.booked_start or self.first_meeting_at

    @property
    def is_open(self):
        return self.state in OPEN_STATES

    @property
    def bookable(self):
        return self.service_kind in BOOKABLE_KINDS

    @property
    def prerequisites_done(self):
        return [
            label
            for flag, label in (
                (self.noticed, _("uppmärksammat frånvaron")),
                (self.investigated, _("börjat utreda")),
                (self.measures_started, _("påbörjat insatser")),
            )
            if flag
        ]


class RequestAddition(models.Model):
    """Information the requester added later from the status page."""

    request = models.ForeignKey(SupportRequest, on_delete=models.CASCADE, related_name="additions")
    text = models.TextField(_("tillägg"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("tillägg från beställaren")
        verbose_name_plural = _("tillägg från beställaren")

    def __str__(self):
        return f"{self.request_id} {self.created_at:%Y-%m-%d}"
