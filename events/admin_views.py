"""Team Domino's event pages in the admin: the participant list of one event, the message to
its participants, and the dashboard panel of upcoming events."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Case, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.widgets import Button
from wagtail.models import Locale

from kcsite.staff_admin import DashboardPanel

from .forms import ParticipantMessageForm
from .models import EventPage, Registration
from .services.queries import upcoming_events
from .services.staff import email_participants


@permission_required("events.change_registration", raise_exception=True)
def email_participants_view(request, event_id):
    event = get_object_or_404(EventPage, pk=event_id).original
    form = ParticipantMessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        count = email_participants(
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


def admin_urls():
    urls = [
        path("<int:event_id>/", participants_view, name="participants"),
        path("<int:event_id>/mejla/", email_participants_view, name="email"),
    ]
    return [path("evenemang/", include((urls, "events_admin"), namespace="events_admin"))]


def participants_header_button(page, user, view_name=None, next_url=None):
    if isinstance(page.specific, EventPage) and user.has_perm("events.view_registration"):
        yield Button(
            _("Deltagare"),
            url=reverse("events_admin:participants", args=[page.specific.original.pk]),
            icon_name="group",
            priority=10,
        )


def dashboard_rows(limit=8):
    rows = []
    for event in upcoming_events(limit=limit, locale=Locale.get_default()):
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


def _dashboard_context():
    rows = dashboard_rows()
    return {"rows": rows} if rows else None


UPCOMING_PANEL = DashboardPanel(
    "events_upcoming",
    _("Kommande evenemang"),
    "events.view_registration",
    order=140,
    template_name="events/admin/dashboard_panel.html",
    context=_dashboard_context,
)
