"""Team Domino's admin for events: registrations, attendance, messages, dashboard; home area."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Case, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kcsite.admin_tables import BadgeColumn
from kcsite.csvsafe import SafeCsvExportsViewSetMixin

from . import services
from .forms import ParticipantMessageForm
from .models import EventIndexPage, EventPage, Registration

# -- home page area ------------------------------------------------------------------------------


@hooks.register("home_page_areas")
def next_events_area(request, page):
    from .views import event_card

    upcoming = services.upcoming_events(limit=3, locale=page.locale)
    events = list(upcoming.select_related("locale").prefetch_related("occasions"))
    if not events:
        return None
    now = timezone.now()
    index_page = EventIndexPage.objects.filter(path=events[0].path[: -events[0].steplen]).first()
    return {
        "template": "events/home_area.html",
        "cards": [event_card(event, now) for event in events],
        "index_page": index_page,
    }


# -- registrations -------------------------------------------------------------------------------


STATUS_TONES = {
    Registration.Status.CONFIRMED: "positive",
    Registration.Status.WAITLISTED: "waiting",
    Registration.Status.CANCELLED: "neutral",
    Registration.Status.ATTENDED: "active",
    Registration.Status.NO_SHOW: "negative",
}


class RegistrationViewSet(SafeCsvExportsViewSetMixin, SnippetViewSet):
    model = Registration
    icon = "form"
    menu_label = _("Anmälningar")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "name",
        "organisation",
        "role",
        "event",
        BadgeColumn("status", STATUS_TONES, label=_("Status"), sort_key="status"),
        DateColumn("created_at", label=_("Anmäld"), sort_key="created_at"),
    ]
    list_filter = ["status", "event", "language", "created_at"]
    ordering = "-created_at"  # newest first: what Team Domino looks for
    search_fields = ["name", "email", "organisation", "role", "school_unit"]
    list_export = [
        "event",
        "status",
        "name",
        "email",
        "organisation",
        "role",
        "school_unit",
        "adaptation_text",
        "language",
        "created_at",
        "status_changed_at",
    ]
    export_headings = {"adaptation_text": _("Anpassningar")}
    export_filename = "anmalningar"
    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_view_fields = [
        "event",
        "status",
        "name",
        "email",
        "organisation",
        "role",
        "school_unit",
        "adaptation_text",
        "language",
        "created_at",
        "queued_at",
        "status_changed_at",
        "version",
        "anonymised_at",
    ]
    # Status changes go through the actions (they keep capacity and waitlist right), and
    # registrations are made through the form only, so the edit form holds the details alone.
    panels = [
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("organisation"),
        FieldPanel("role"),
        FieldPanel("school_unit"),
        FieldPanel("adaptations_other"),
    ]

    def get_queryset(self, request):
        return Registration.objects.select_related("event")


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """Nobody adds registrations in the admin: only the form does (it respects capacity)."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])


register_permission_policy(Registration, NoAddPermissionPolicy(Registration))
register_snippet(RegistrationViewSet)


def _adaptation_text(self):
    parts = self.adaptation_labels()
    if self.adaptations_other:
        parts.append(self.adaptations_other)
    return ", ".join(parts)


Registration.adaptation_text = property(_adaptation_text)


class RegistrationBulkAction(SnippetBulkAction):
    template_name = "events/admin/confirm_action.html"
    models = [Registration]
    change = None

    def check_perm(self, obj):
        return self.request.user.has_perm("events.change_registration")

    def get_execution_context(self):
        return {"user": self.request.user, "change": type(self).change}

    @classmethod
    def execute_action(cls, objects, user=None, change=None, **kwargs):
        done = 0
        for obj in objects:
            try:
                change(obj.pk, user=user)
            except services.RegistrationError:
                continue
            done += 1
        return done, len(objects) - done

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["verb"] = self.display_name
        return context

    def get_success_message(self, done, skipped):
        message = ngettext("%(count)d anmälan ändrad.", "%(count)d anmälningar ändrade.", done) % {
            "count": done
        }
        if skipped:
            message += " " + ngettext(
                "%(count)d kunde inte ändras (fel status eller inga lediga platser).",
                "%(count)d kunde inte ändras (fel status eller inga lediga platser).",
                skipped,
            ) % {"count": skipped}
        return message


def _attended(pk, user=None):
    return services.mark_attendance(pk, True, user=user)


def _no_show(pk, user=None):
    return services.mark_attendance(pk, False, user=user)


def _cancel(pk, user=None):
    return services.cancel(pk, user=user)


class AttendedAction(RegistrationBulkAction):
    display_name = _("Deltog")
    action_type = "attended"
    aria_label = _("Markera valda som deltagande")
    action_priority = 10
    change = staticmethod(_attended)


class NoShowAction(RegistrationBulkAction):
    display_name = _("Uteblev")
    action_type = "no_show"
    aria_label = _("Markera valda som uteblivna")
    action_priority = 20
    change = staticmethod(_no_show)


class ConfirmAction(RegistrationBulkAction):
    display_name = _("Ge plats")
    action_type = "confirm"
    aria_label = _("Flytta valda från väntelistan till bekräftade")
    action_priority = 30
    change = staticmethod(services.confirm_from_waitlist)


class WaitlistAction(RegistrationBulkAction):
    display_name = _("Till väntelistan")
    action_type = "waitlist"
    aria_label = _("Flytta valda bekräftade till väntelistan")
    action_priority = 40
    change = staticmethod(services.move_to_waitlist)


class CancelAction(RegistrationBulkAction):
    display_name = _("Avboka")
    action_type = "cancel_registration"
    aria_label = _("Avboka valda anmälningar")
    action_priority = 50
    change = staticmethod(_cancel)


for _action in (AttendedAction, NoShowAction, ConfirmAction, WaitlistAction, CancelAction):
    hooks.register("register_bulk_action", _action)


@hooks.register("register_snippet_listing_buttons")
def registration_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, Registration) or not user.has_perm("events.change_registration"):
        return []
    from urllib.parse import urlencode

    next_url = next_url or reverse("wagtailsnippets_events_registration:list")

    def url(action):
        path_ = reverse("wagtail_bulk_action", args=("events", "registration", action))
        return path_ + "?" + urlencode({"id": snippet.pk, "next": next_url})

    buttons = []
    if snippet.status in Registration.SEAT_STATES:
        buttons.append(Button(_("Deltog"), url=url("attended"), icon_name="check", priority=5))
        buttons.append(Button(_("Uteblev"), url=url("no_show"), icon_name="cross", priority=6))
    if snippet.status == Registration.Status.WAITLISTED:
        buttons.append(Button(_("Ge plats"), url=url("confirm"), icon_name="arrow-up", priority=7))
    if snippet.status == Registration.Status.CONFIRMED:
        buttons.append(
            Button(_("Till väntelistan"), url=url("waitlist"), icon_name="arrow-down", priority=8)
        )
    return buttons


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("events.cancel", _("Avbokad"), _("Anmälan avbokad"))
    actions.register_action("events.promote", _("Fick plats"), _("Flyttad från väntelistan"))
    actions.register_action(
        "events.to_waitlist", _("Till väntelistan"), _("Flyttad till väntelistan")
    )
    actions.register_action("events.attended", _("Deltog"), _("Markerad som deltagande"))
    actions.register_action("events.no_show", _("Uteblev"), _("Markerad som utebliven"))
    actions.register_action(
        "events.email_participants", _("Mejl till deltagare"), _("Mejl skickat till deltagarna")
    )


# -- e-mail to participants ----------------------------------------------------------------------


@permission_required("events.change_registration", raise_exception=True)
def email_participants_view(request, event_id):
    event = get_object_or_404(EventPage, pk=event_id).original
    form = ParticipantMessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        count = services.email_participants(
            event,
            form.cleaned_data["subject"],
            form.cleaned_data["message"],
            form.cleaned_data["statuses"],
            user=request.user,
        )
        messages.success(
            request,
            ngettext(
                "Meddelandet skickas till %(count)d person.",
                "Meddelandet skickas till %(count)d personer.",
                count,
            )
            % {"count": count},
        )
        return redirect(reverse("events_admin:participants", args=[event.pk]))
    return render(request, "events/admin/email_participants.html", {"event": event, "form": form})


@permission_required("events.view_registration", raise_exception=True)
def participants_view(request, event_id):
    event = get_object_or_404(EventPage, pk=event_id).original
    # Those with a seat first, then the waitlist in its order, cancelled people last.
    registrations = event.registrations.annotate(
        group=Case(
            When(status__in=Registration.SEAT_STATES, then=Value(0)),
            When(status=Registration.Status.WAITLISTED, then=Value(1)),
            default=Value(2),
        )
    ).order_by("group", "queued_at", "id")
    counts = {
        label: registrations.filter(status=value).count()
        for value, label in Registration.Status.choices
    }
    list_url = reverse("wagtailsnippets_events_registration:list") + f"?event={event.pk}"
    return render(
        request,
        "events/admin/participants.html",
        {"event": event, "registrations": registrations, "counts": counts, "list_url": list_url},
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    from django.urls import include

    urls = [
        path("<int:event_id>/", participants_view, name="participants"),
        path("<int:event_id>/mejla/", email_participants_view, name="email"),
    ]
    return [path("evenemang/", include((urls, "events_admin"), namespace="events_admin"))]


@hooks.register("register_page_header_buttons")
def participants_header_button(page, user, view_name=None, next_url=None):
    if isinstance(page.specific, EventPage) and user.has_perm("events.view_registration"):
        yield Button(
            _("Deltagare"),
            url=reverse("events_admin:participants", args=[page.specific.original.pk]),
            icon_name="group",
            priority=10,
        )


# -- dashboard -----------------------------------------------------------------------------------


class UpcomingEventsPanel(Component):
    name = "events_upcoming"
    order = 140
    template_name = "events/admin/dashboard_panel.html"

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context=None):
        return {"rows": self.rows}


def dashboard_rows(limit=8):
    from wagtail.models import Locale

    rows = []
    for event in services.upcoming_events(limit=limit, locale=Locale.get_default()):
        taken = event.seats_taken()
        rows.append(
            {
                "event": event,
                "start": event.next_start,
                "taken": taken,
                "capacity": event.capacity,
                "fill": round(100 * taken / event.capacity) if event.capacity else 0,
                "waitlist": event.waitlist_length(),
            }
        )
    return rows


@hooks.register("construct_homepage_panels")
def upcoming_events_panel(request, panels):
    if not request.user.has_perm("events.view_registration"):
        return
    rows = dashboard_rows()
    if rows:
        panels.append(UpcomingEventsPanel(rows))
