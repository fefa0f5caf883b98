"""The event pages: the list of events with its feeds, and one event with its occasions.

An :class:`EventPage` has one or more :class:`EventOccasion` (start/end in Europe/Stockholm),
a capacity and registration window. Registrations always belong to the event page in the
default locale (the original), so the Swedish and English pages share one capacity and one
waitlist.
"""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.routable_page.models import path as route
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Orderable, Page
from wagtail.search import index

from kcsite.pages.caching import fragment_cache, generation
from kcsite.pages.localising import language_of
from kcsite.pages.models import BasePage
from kcsite.vocabularies import EVENT_AUDIENCES, Audience

from .. import views
from .choices import EventFormat, EventType
from .registrations import Registration
from .windows import OtherDate, RegistrationWindow


class EventIndexPage(RoutablePageMixin, BasePage):
    """The list of events (upcoming first, then the archive) and the iCalendar feeds."""

    template = "events/event_index_page.html"
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("evenemangslista")
        verbose_name_plural = _("evenemangslistor")

    def page_context(self, request):
        return views.index_context(self, request)

    def listed_events(self):
        """The live public events of this list (the views filter these)."""
        return EventPage.objects.live().public().child_of(self)

    def feed_url(self):
        return self.url + self.reverse_subpage("feed")

    def type_feeds(self):
        return [
            (label, self.url + self.reverse_subpage("type_feed", args=[value]))
            for value, label in EventType.choices
        ]

    @route("")
    def index_view(self, request):
        return self.render(request)

    @route("kalender/", name="feed")
    def feed_view(self, request):
        return views.feed(request, self, None)

    @route("kalender/<slug:event_type>/", name="type_feed")
    def type_feed_view(self, request, event_type):
        return views.feed(request, self, event_type)


class EventPage(RoutablePageMixin, BasePage):
    """One event: what, when (occasions), where, for whom and how to register."""

    template = "events/event_page.html"
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    event_type = models.CharField(
        _("typ"), max_length=32, choices=EventType.choices, default=EventType.TRAINING
    )
    audience = models.CharField(
        _("målgrupp"), max_length=32, choices=EVENT_AUDIENCES, default=Audience.ALL_STAFF
    )
    event_format = models.CharField(
        _("genomförande"), max_length=16, choices=EventFormat.choices, default=EventFormat.ON_SITE
    )
    place_name = models.CharField(_("plats"), max_length=200, blank=True)
    address = models.TextField(_("adress"), blank=True)
    meeting_link = models.URLField(
        _("möteslänk"),
        blank=True,
        help_text=_(
            "Visas aldrig på webbplatsen. Skickas bara till bekräftade deltagare "
            "(i påminnelsen och i länken till anmälan)."
        ),
    )
    organisers = models.CharField(_("arrangörer"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(
        _("antal platser"),
        default=30,
        help_text=_(
            "Höjer du antalet platser flyttas personer från väntelistan upp när du publicerar."
        ),
    )
    registration_opens = models.DateTimeField(
        _("anmälan öppnar"), null=True, blank=True, help_text=_("Tomt: öppen direkt.")
    )
    registration_closes = models.DateTimeField(
        _("anmälan stänger"),
        null=True,
        blank=True,
        help_text=_("Tomt: anmälan stänger när första tillfället börjar."),
    )
    registration_enabled = models.BooleanField(_("anmälan på webbplatsen"), default=True)
    ask_school_unit = models.BooleanField(_("fråga efter skolenhet"), default=False)
    ask_adaptations = models.BooleanField(_("fråga efter behov av anpassning"), default=True)
    consent_text = models.TextField(
        _("text om personuppgifter"),
        blank=True,
        help_text=_("Tomt: standardtexten om hur anmälningar hanteras och gallras används."),
    )
    # Calendar entries: SEQUENCE grows when time or place changes (see signals).
    calendar_sequence = models.PositiveIntegerField(default=0, editable=False)
    calendar_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    search_fields = BasePage.search_fields + [
        index.SearchField("place_name"),
        index.SearchField("organisers"),
        index.FilterField("event_type"),
        index.FilterField("audience"),
        index.FilterField("event_format"),
        index.FilterField("locale"),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("event_type"), FieldPanel("audience")]),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("occasions", label=_("Tillfällen"), min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("event_format"),
                FieldPanel("place_name"),
                FieldPanel("address"),
                FieldPanel("meeting_link"),
                FieldPanel("organisers"),
            ],
            heading=_("Plats och arrangörer"),
        ),
        InlinePanel("related_methods", label=_("Relaterade metoder")),
        InlinePanel("related_films", label=_("Relaterade filmer")),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                ),
                FieldPanel("ask_school_unit"),
                FieldPanel("ask_adaptations"),
                FieldPanel("consent_text"),
            ],
            heading=_("Anmälan"),
        ),
    ]

    class Meta:
        verbose_name = _("evenemang")
        verbose_name_plural = _("evenemang")

    # -- time -------------------------------------------------------------------------------
    def occasion_list(self):
        """The occasions, earliest first (from ``prefetch_related("occasions")`` when given)."""
        prefetched = getattr(self, "_prefetched_objects_cache", {}).get("occasions")
        if prefetched is not None:
            return sorted(prefetched, key=lambda occasion: occasion.start)
        return list(self.occasions.all().order_by("start"))

    @property
    def first_occasion(self):
        occasions = self.occasion_list()
        return occasions[0] if occasions else None

    @property
    def last_occasion(self):
        occasions = self.occasion_list()
        return occasions[-1] if occasions else None

    @property
    def next_occasion(self):
        """The first occasion that starts in the future, or None."""
        now = timezone.now()
        return next((o for o in self.occasion_list() if o.start > now), None)

    @property
    def is_past(self):
        last = self.last_occasion
        return last is None or last.end < timezone.now()

    # -- registration -----------------------------------------------------------------------
    @property
    def original(self):
        """The page registrations belong to: this event in the default locale."""
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        if language_of(self) == default:  # the locale's language, kept per process
            return self
        original = EventPage.objects.filter(
            translation_key=self.translation_key, locale__language_code=default
        ).first()
        return original or self

    def closes_at(self):
        if self.registration_closes:
            return self.registration_closes
        first = self.first_occasion
        return first.start if first else None

    def registration_window(self):
        last = self.last_occasion
        return RegistrationWindow(
            enabled=self.registration_enabled,
            opens=self.registration_opens,
            closes=self.closes_at(),
            ends=last.end if last else None,
        )

    def registration_state(self, now=None):
        """'open', 'not_yet', 'closed', 'past' or 'disabled'."""
        return self.registration_window().state(now or timezone.now())

    @property
    def registration_open(self):
        return self.registration_state() == "open"

    def seats_taken(self):
        return self.original.registrations.filter(status__in=Registration.SEAT_STATES).count()

    def seats_left(self):
        original = self.original
        return max(original.capacity - original.seats_taken(), 0)

    def waitlist_length(self):
        return self.original.registrations.filter(status=Registration.Status.WAITLISTED).count()

    @property
    def is_digital(self):
        return self.event_format == EventFormat.DIGITAL

    def location_text(self):
        if self.is_digital:
            return str(_("Digitalt"))
        # one line: "Place, Kungsgatan 55, 503 35 Borås" (a comma where the address breaks)
        lines = [line.strip() for line in self.address.splitlines() if line.strip()]
        return ", ".join(part for part in [self.place_name, *lines] if part)

    def schedule_fingerprint(self):
        parts = [f"{o.start.isoformat()}/{o.end.isoformat()}" for o in self.occasion_list()]
        parts += [self.event_format, self.place_name, self.address, self.title]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()

    # -- routes -----------------------------------------------------------------------------
    def register_url(self):
        return self.url + self.reverse_subpage("register")

    def ics_url(self):
        return self.url + self.reverse_subpage("ics")

    @route("")
    def event_view(self, request):
        return self.render(request)

    @route("anmalan/", name="register")
    def register_view(self, request):
        return views.register(request, self)

    @route("anmalan/skickad/", name="register_sent")
    def register_sent_view(self, request):
        return views.register_sent(request, self)

    @route("kalender/", name="ics")
    def ics_view(self, request):
        return views.event_ics(request, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(views.event_context(self, request))
        return context

    def index_page(self):
        """The event list this event belongs to (its parent, specific, in one query)."""
        return EventIndexPage.objects.filter(path=self.path[: -self.steplen]).first()

    def closed_days_before(self):
        """Whole days between the close of registration and the first occasion (0 when it
        closed on the day itself or when the event began), or None without occasions."""
        first, closes = self.first_occasion, self.closes_at()
        if first is None or closes is None:
            return None
        start_day = timezone.localtime(first.start).date()
        return max((start_day - timezone.localtime(closes).date()).days, 0)

    def other_dates(self, limit=3):
        """Other upcoming events of the same type, in this language, open for registration.

        The candidates (an occasion still to come) are kept per content generation, as plain
        values; whether each is open is decided now."""
        # "1": the format of the cached OtherDate values (raise it when they change)
        key = f"events:other-dates:1:{generation()}:{self.pk}:{self.locale_id}:{self.event_type}"
        candidates = fragment_cache.get(key)
        if candidates is None:
            candidates = [
                OtherDate(
                    event.pk,
                    event.title,
                    event.url,
                    event.first_occasion.start,
                    event.registration_window(),
                )
                for event in EventPage.objects.live()
                .public()
                .filter(locale=self.locale_id, event_type=self.event_type)
                .exclude(pk=self.pk)
                .filter(occasions__start__gt=timezone.now())
                .distinct()
                .defer_streamfields()
                .prefetch_related("occasions")
            ]
            fragment_cache.set(key, candidates, settings.FRAGMENT_CACHE_SECONDS or 60)
        now = timezone.now()
        upcoming = [other for other in candidates if other.window.state(now) == "open"]
        return sorted(upcoming, key=lambda other: other.start)[:limit]

    def related_pages(self):
        """Live, public related methods and films (in this page's language when translated)."""
        pages = [link.method for link in self.related_methods.select_related("method")]
        pages += [link.film for link in self.related_films.select_related("film")]
        shown = []
        for page in pages:
            translated = page.get_translation_or_none(self.locale) or page
            if translated.live and not translated.get_view_restrictions().exists():
                shown.append(translated.specific)
        return shown


class EventRelatedMethod(Orderable):
    """A method from the method bank that the event builds on."""

    event = ParentalKey(EventPage, related_name="related_methods", on_delete=models.CASCADE)
    method = models.ForeignKey(
        "methodbank.MethodPage", verbose_name=_("metod"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("method")]

    class Meta(Orderable.Meta):
        verbose_name = _("relaterad metod")
        verbose_name_plural = _("relaterade metoder")


class EventRelatedFilm(Orderable):
    """A training film to watch before or after the event."""

    event = ParentalKey(EventPage, related_name="related_films", on_delete=models.CASCADE)
    film = models.ForeignKey(
        "library.FilmPage", verbose_name=_("film"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("film")]

    class Meta(Orderable.Meta):
        verbose_name = _("relaterad film")
        verbose_name_plural = _("relaterade filmer")


class EventOccasion(Orderable):
    event = ParentalKey(EventPage, related_name="occasions", on_delete=models.CASCADE)
    start = models.DateTimeField(_("börjar"))
    end = models.DateTimeField(_("slutar"))
    note = models.CharField(_("kommentar"), max_length=200, blank=True)

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("tillfälle")
        verbose_name_plural = _("tillfällen")

    def __str__(self):
        return (
            f"{timezone.localtime(self.start):%Y-%m-%d %H:%M}–{timezone.localtime(self.end):%H:%M}"
        )

    def clean(self):
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("Sluttiden måste vara efter starttiden.")})
