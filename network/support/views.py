"""Public views: the request form (a route of the service page), receipt and status pages."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from kcsite import links, ratelimit, referrals
from network.membership.services import member_profile_for

from .choices import Role, State
from .forms import AddInformationForm, RebookForm, SupportRequestForm
from .services import booking, intake, requester
from .services import status as request_status
from .services.errors import InvalidTransition, SlotTaken, SlotUnavailable, SupportError


def _prefill(request):
    """Initial values for a logged-in network member (from the membership app), if any."""
    if not request.user.is_authenticated:
        return {}
    profile = member_profile_for(request.user)
    if profile is None:
        return {}
    initial = {}
    for name in ("name", "email", "organisation"):
        value = getattr(profile, name, "")
        if value:
            initial[name] = str(value)
    role = getattr(profile, "role", "")
    if role in Role.values:
        initial["role"] = role
    return initial


def _form_context(request, page, form, slots):
    context = page.get_context(request)
    context.update({"page": page, "form": form, "slot_count": len(slots)})
    return context


@never_cache
def request_form_view(request, page):
    slots = list(booking.free_slots()) if page.bookable else []
    kwargs = {"service_kind": page.service_kind, "slots": slots}
    status = 200
    referral = None
    if request.method == "POST":
        form = SupportRequestForm(request.POST, **kwargs)
        if form.is_valid():
            refused = ratelimit.refuse(
                request,
                "support:request",
                email=form.cleaned_data["email"],
                template="support/request_form.html",
                context=_form_context(request, page, form, slots),
            )
            if refused:
                return refused
            slot_id = form.cleaned_data.get("time") if page.bookable else None
            try:
                support_request = intake.submit_request(
                    form.request_data(),
                    service_kind=page.service_kind,
                    service_page=page,
                    slot_id=slot_id,
                    contact_me=page.bookable and slot_id is None,
                    language=get_language() or "sv",
                )
            except (SlotTaken, SlotUnavailable) as taken:
                # Keep everything the requester typed; offer the times that are free now.
                form = SupportRequestForm(
                    request.POST, service_kind=page.service_kind, slots=booking.free_slots()
                )
                form.is_valid()
                form.errors.pop("time", None)
                form.add_error("time", taken.message)
                status = 409
            else:
                token = request_status.status_token(support_request)
                return redirect("support:receipt", token=token)
        else:
            status = 400
    else:
        initial = _prefill(request)
        referral = referrals.read_referral(request.GET)
        if referral is not None:
            initial["description"] = referral.need
        form = SupportRequestForm(initial=initial, **kwargs)
    context = _form_context(request, page, form, slots)
    context["referral"] = referral
    return render(request, "support/request_form.html", context, status=status)


def _link_problem(request, error):
    return links.problem_response(
        request,
        error,
        newest=_(
            "Länken till din förfrågan finns i kvittot och i varje mejl vi har skickat om "
            "förfrågan sedan dess. Ange ärendenumret (TD-…) om du kontaktar oss."
        ),
    )


def _done(updated, what):
    """Back to the request's status page, saying what was just done."""
    return redirect(request_status.status_path(updated, get_language()) + f"?klart={what}")


@never_cache
def receipt_view(request, token):
    try:
        support_request = request_status.read_status_token(token)
    except links.LinkError as error:
        return _link_problem(request, error)
    return render(
        request,
        "support/receipt.html",
        {
            "support_request": support_request,
            "status_token": request_status.status_token(support_request),
            "next_step": request_status.next_step(support_request),
            "response_days": settings.SUPPORT_RESPONSE_DAYS,
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def status_view(request, token):
    """The requester's page: the request as it is now, what they first wrote, and actions.

    Any status link of the request works; forms post back the version they showed, so a
    change made meanwhile is never overwritten. Withdrawing takes a second step.
    """
    try:
        support_request = request_status.read_status_token(token)
    except links.LinkError as error:
        return _link_problem(request, error)
    can_act = support_request.is_open
    can_rebook = (
        can_act
        and support_request.bookable
        and support_request.state in (State.NEW, State.UNDER_ASSESSMENT, State.BOOKED)
    )
    slots = list(booking.free_slots()) if can_rebook else []
    add_form = AddInformationForm(prefix="add")
    rebook_form = RebookForm(prefix="rebook", slots=slots)
    status = 200
    error = None
    if request.method == "GET" and can_act and request.GET.get("aterkalla") == "1":
        return render(
            request, "support/withdraw_confirm.html", {"support_request": support_request}
        )
    if request.method == "POST":
        action = request.POST.get("action")
        version = links.posted_version(request)
        if not can_act:
            error = InvalidTransition.message
            status = 409
        else:
            try:
                if action == "add":
                    add_form = AddInformationForm(request.POST, prefix="add")
                    if add_form.is_valid():
                        updated = requester.add_information(
                            support_request, version, add_form.cleaned_data["text"]
                        )
                        return _done(updated, "tillagt")
                    status = 400
                elif action == "cancel":
                    updated = requester.cancel_request(support_request, version)
                    return _done(updated, "aterkallad")
                elif action == "rebook" and can_rebook:
                    rebook_form = RebookForm(request.POST, prefix="rebook", slots=slots)
                    if rebook_form.is_valid():
                        updated = requester.rebook(
                            support_request, version, rebook_form.cleaned_data["time"]
                        )
                        return _done(updated, "bokad")
                    status = 400
                else:
                    error = _("Okänd åtgärd.")
                    status = 400
            except (SlotTaken, SlotUnavailable) as taken:
                rebook_form = RebookForm(prefix="rebook", slots=booking.free_slots())
                error = taken.message
                status = 409
            except SupportError as failure:
                error = failure.message
                status = 409
            support_request.refresh_from_db()
    done = {
        "tillagt": _("Tack! Informationen är tillagd och Team Domino har fått besked."),
        "aterkallad": _("Förfrågan är återkallad. Team Domino har fått besked."),
        "bokad": _("Den nya tiden är bokad. En kalenderfil skickas till din e-post."),
    }.get(request.GET.get("klart", ""))
    return render(
        request,
        "support/status.html",
        {
            "support_request": support_request,
            "next_step": request_status.next_step(support_request),
            "can_act": support_request.is_open,
            "can_rebook": can_rebook and bool(slots or rebook_form.fields["time"].choices),
            "add_form": add_form,
            "rebook_form": rebook_form,
            "error": error,
            "done": done,
            "additions": support_request.additions.all(),
        },
        status=status,
    )
