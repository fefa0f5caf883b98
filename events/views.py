"""Thin views: the event list, feeds, registration and the signed self-service page.

The page models route here and hand over the page; this module never imports them (it would
close a circle), it reaches the events through the page it is given."""

from datetime import datetime
from functools import cache as cache_once

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Max, Min, Q, prefetch_related_objects
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Locale

from kcsite import links, ratelimit
from kcsite.search.services import clean_query, search_ids
from kcsite.vocabularies import EVENT_AUDIENCES

from .bursts import BURST_MESSAGE, burst_refused
from .forms import DetailsForm, RegistrationForm
from .models.choices import EventFormat, EventType
from .models.registrations import Registration, retention_days
from .services import calendar, cancelling, registering
from .services.errors import STATE_ERRORS, DuplicateRegistration, RegistrationError

ARCHIVE_PER_PAGE = 12


def _choice(value, choices):
    return value if value in dict(choices) else ""


def _month(value):
    try:
        year, month = (int(part) for part in value.split("-"))
        datetime(year, month, 1)
    except (ValueError, AttributeError):
        return None
    return year, month


def event_card(event, now):
    occasions = event.occasion_list()
    upcoming = [o for o in occasions if o.end >= now]
    shown = upcoming[0] if upcoming else (occasions[-1] if occasions else None)
    state = event.registration_state(now)
    seats_left = event.seats_left() if state == "open" else None
    return {
        "page": event,
        "occasion": shown,
        "more_occasions": max(len(occasions) - 1, 0),
        "location": event.location_text(),
        "state": state,
        "seats_left": seats_left,
        "waitlist": state == "open" and seats_left == 0,
    }


def event_context(event, request):
    """The event page's context. Its content is a fragment kept per content generation and
    keyed also on what changes without a publish: the registration state (the clock), the
    seats left (registrations) and the other dates offered. Only those are computed for every
    request; the rest (callables, which the template calls) only when the fragment is built."""
    prefetch_related_objects([event], "occasions")  # all its dates in one query
    state = event.registration_state()
    other_dates = event.other_dates() if state in ("closed", "past") else []
    shows_seats = event.registration_enabled and state != "past"
    return {
        "state": state,
        "seats_left": event.seats_left() if shows_seats else None,
        "other_dates": other_dates,
        "other_dates_key": ",".join(str(other.pk) for other in other_dates),
        "occasions": cache_once(lambda: event.original.occasion_list()),
        "closed_days_before": cache_once(event.closed_days_before),
        "index_page": cache_once(event.index_page),
        "related_pages": cache_once(event.related_pages),
    }


def index_context(index_page, request):
    now = timezone.now()
    events = index_page.listed_events().annotate(
        first_start=Min("occasions__start"),
        next_start=Min("occasions__start", filter=Q(occasions__start__gt=now)),
        last_end=Max("occasions__end"),
    )
    filters = {
        "typ": _choice(request.GET.get("typ", ""), EventType.choices),
        "malgrupp": _choice(request.GET.get("malgrupp", ""), EVENT_AUDIENCES),
        "form": _choice(request.GET.get("form", ""), EventFormat.choices),
        "manad": request.GET.get("manad", "") if _month(request.GET.get("manad", "")) else "",
    }
    query = clean_query(request.GET.get("q", ""))
    month_choices = [
        (f"{moment:%Y-%m}", date_format(moment, "F Y").capitalize())
        for moment in index_page.listed_events()
        .filter(occasions__end__gte=now)
        .datetimes("occasions__start", "month")
    ]
    if filters["typ"]:
        events = events.filter(event_type=filters["typ"])
    if filters["malgrupp"]:
        events = events.filter(audience=filters["malgrupp"])
    if filters["form"]:
        events = events.filter(event_format=filters["form"])
    if filters["manad"]:
        year, month = _month(filters["manad"])
        events = events.filter(
            pk__in=index_page.listed_events()
            .filter(occasions__start__year=year, occasions__start__month=month)
            .values("pk")
        )
    backend = None
    if query:
        ids, backend = search_ids(index_page.listed_events(), query)
        events = events.filter(pk__in=ids)
    upcoming = events.filter(last_end__gte=now).order_by(
        Coalesce("next_start", "first_start"), "pk"
    )
    archive = events.filter(last_end__lt=now).order_by("-last_end", "pk")
    archive_page = Paginator(archive, ARCHIVE_PER_PAGE).get_page(request.GET.get("page"))
    return {
        "filters": filters,
        "query": query,
        "search_backend": backend,
        "filtering": any(filters.values()) or bool(query),
        "upcoming_cards": [event_card(event, now) for event in upcoming],
        "archive_cards": [event_card(event, now) for event in archive_page],
        "page_obj": archive_page,
        "type_choices": EventType.choices,
        "audience_choices": EVENT_AUDIENCES,
        "format_choices": EventFormat.choices,
        "month_choices": month_choices,
        "feed_types": EventType.choices,
    }


def _calendar_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def feed(request, index_page, event_type):
    """A subscribable feed of every public event in this list (or of one type)."""
    if event_type is not None and event_type not in dict(EventType.choices):
        raise Http404
    events = index_page.listed_events()
    name = index_page.title
    if event_type:
        events = events.filter(event_type=event_type)
        name = f"{name}: {dict(EventType.choices)[event_type]}"
    response = HttpResponse(
        calendar.feed_calendar(events, name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="kalender.ics"'
    return response


def event_ics(request, event):
    return _calendar_response(calendar.event_calendar(event), f"{event.slug}.ics")


def register(request, event):
    """The registration form: GET shows it, POST registers (or shows why not)."""
    state = event.registration_state()
    seats_left = event.seats_left()
    context = {
        "page": event,
        "event": event,
        "state": state,
        "seats_left": seats_left,
        "full": seats_left == 0,
        "index_page": event.get_parent().specific,
        "retention_months": max(round(retention_days() / 30.4), 1),
    }
    if state != "open":
        context["problem"] = STATE_ERRORS[state].message
        return render(request, "events/register.html", context)
    form = RegistrationForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        refused = ratelimit.refuse(
            request,
            "events:register",
            email=form.cleaned_data["email"],
            template="events/register.html",
            context={**context, "form": form},
        )
        if refused:
            return refused
        if burst_refused(request, event):
            form.add_error(None, BURST_MESSAGE)
        else:
            try:
                registering.register(event, form.details(), language=request.LANGUAGE_CODE)
            except DuplicateRegistration:
                # The same answer as for a new registration; the registration's own link goes
                # to the address, so nobody learns here whether it is registered.
                registering.remind_registered(event, form.cleaned_data["email"])
                return redirect(event.url + event.reverse_subpage("register_sent"))
            except RegistrationError as error:
                form.add_error(None, error.message)
            else:
                return redirect(event.url + event.reverse_subpage("register_sent"))
    context["form"] = form
    return render(request, "events/register.html", context)


def register_sent(request, event):
    """After a registration: the same page whether the address was new or already registered
    (the e-mail says which, and carries the registration's own link)."""
    return render(
        request,
        "events/register_sent.html",
        {"page": event, "event": event, "seats_left": event.seats_left()},
    )


def changes_limited(request, registration):
    """Count one change through ``registration``'s link; a :class:`ratelimit.Limited` once the
    link has made ``EVENTS_CHANGES_PER_DAY`` today (each change mails the participant)."""
    return ratelimit.check(
        request,
        f"events:change:{registration.pk}",
        email=registration.email,
        per_email=(settings.EVENTS_CHANGES_PER_DAY, 24 * 3600),
    )


def _manage_context(request, registration, event, original, *, form, problem=None):
    meeting_link = ""
    if (
        registration.status == Registration.Status.CONFIRMED
        and original.is_digital
        and not original.is_past
    ):
        meeting_link = original.meeting_link
    return {
        "registration": registration,
        "event": event,
        "original": original,
        "problem": problem,
        "form": form,
        "can_change": form is not None,
        "done": request.GET.get("klar", ""),
        "meeting_link": meeting_link,
        "position": registration.waitlist_position(),
        "seats_left": original.seats_left(),
    }


def manage(request, token):
    """View, change or cancel a registration through the signed link in any of its e-mails.

    The link shows the registration as it is now; the forms post back the version they showed,
    so a change made meanwhile is never overwritten. Cancelling takes a second step.
    """
    try:
        registration = registering.read_token(token)
    except links.LinkError as error:
        return links.problem_response(
            request,
            error,
            newest=_(
                "Länken till din anmälan finns i bekräftelsemejlet och i varje mejl vi har "
                "skickat om anmälan sedan dess."
            ),
        )
    original = registration.event.specific
    event = original
    translated = original.get_translation_or_none(Locale.get_active())
    if translated is not None and translated.live:
        event = translated.specific
    can_change = (
        registration.status in (Registration.Status.CONFIRMED, Registration.Status.WAITLISTED)
        and not original.is_past
        and registration.anonymised_at is None
    )
    problem = None
    form = None
    if can_change:
        form = DetailsForm(initial=DetailsForm.initial_from(registration), event=original)
    confirming = can_change and request.method == "GET" and request.GET.get("avboka") == "1"
    if request.method == "POST":
        if not can_change:
            problem = _("Anmälan kan inte längre ändras.")
        else:
            action = request.POST.get("action")
            version = links.posted_version(request)
            try:
                if action == "cancel":
                    registration, _promoted = cancelling.cancel(registration.pk, version)
                    return redirect(registration.manage_path() + "?klar=avbokad")
                form = DetailsForm(request.POST, event=original)
                limited = form.is_valid() and changes_limited(request, registration)
                if limited:
                    return ratelimit.render_limited(
                        request,
                        "events/manage.html",
                        _manage_context(request, registration, event, original, form=form),
                        limited,
                    )
                if form.is_valid():
                    registration = registering.update_details(
                        registration.pk, version, form.details(email=registration.email)
                    )
                    return redirect(registration.manage_path() + "?klar=andrad")
            except RegistrationError as error:
                problem = error.message
                registration.refresh_from_db()
                form = DetailsForm(initial=DetailsForm.initial_from(registration), event=original)
    context = _manage_context(request, registration, event, original, form=form, problem=problem)
    if confirming:
        return render(request, "events/manage_cancel.html", context)
    return render(request, "events/manage.html", context)
