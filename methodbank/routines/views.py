"""Public views of "Vår närvarorutin": start, the edit pages (signed link), the share view.

Everything works without JavaScript: each change is a small server-side form that posts the
version the visitor saw; a save on an older version is refused with the conflict message and
the visitor's input stays on the page.
"""

from functools import wraps

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from kcsite import links, ratelimit
from kcsite.linkmail import MailLinkView

from . import pages
from .content import TIER_ORDER
from .forms import AddMethodForm, GeneralForm, RolesForm, StartForm, StepForm
from .services import building, editing, sharing, tokens
from .services.errors import Conflict, RoutineError

SESSION_KEY = "routines_edit_token"


def with_routine(view):
    """Open the routine of the edit token in the URL (or answer the link problem page) and
    remember the token in the session, for "Lägg till i vår rutin" on method pages."""

    @wraps(view)
    def wrapped(request, token, *args, **kwargs):
        try:
            routine = tokens.routine_for_edit(token)
        except links.LinkError as error:
            return links.problem_response(
                request,
                error,
                again_url=reverse("routines:link_again"),
                again_label=_("Be om en ny länk"),
            )
        request.session[SESSION_KEY] = token
        return view(request, routine, token, *args, **kwargs)

    return never_cache(wrapped)


@never_cache
@require_http_methods(["GET", "POST"])
def start(request):
    initial = {}
    method = _method_from(request.GET.get("metod"))
    if method is not None:
        initial = {"method": method.pk, "method_tier": _tier_from(request.GET.get("niva"), method)}
    form = StartForm(request.POST or None, initial=initial)
    context = {"form": form, "method": method}
    if request.method == "POST" and form.is_valid():
        refused = ratelimit.refuse(
            request,
            "routines:start",
            email=form.cleaned_data["creator_email"],
            template="routines/start.html",
            context=context,
        )
        if refused:
            return refused
        data = form.cleaned_data
        method = _method_from(data.get("method"))
        try:
            routine = building.create_routine(
                template=data["template"],
                school_unit=data["school_unit"],
                school_form=data["school_form"],
                creator_email=data["creator_email"],
                language=get_language() or "sv",
                method=method,
                method_tier=data.get("method_tier") or None,
            )
        except RoutineError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Rutinen är skapad. Vi har mejlat länken till dig."))
            return redirect(tokens.edit_url(routine))
    context["method"] = context["method"] or _method_from(form["method"].value())
    return render(request, "routines/start.html", context, status=400 if form.errors else 200)


class LinkAgainView(MailLinkView):
    """Mail the edit link of every routine made with the address (the same answer for all)."""

    scope = "routines:link_again"
    template_name = "routines/link_again.html"

    def send_link(self, email, form):
        sharing.send_links_again(email)


link_again = LinkAgainView.as_view()


@never_cache
@require_http_methods(["GET", "POST"])
def add_method(request):
    """From "Lägg till i vår rutin": confirm (GET), then add the method's steps (POST)."""
    data = request.POST if request.method == "POST" else request.GET
    method = _method_from(data.get("metod") or data.get("method"))
    if method is None:
        return render(request, "routines/add_method.html", {"missing": True}, status=404)
    routine, token = _session_routine(request)
    if routine is None:
        url = reverse("routines:start") + f"?metod={method.pk}"
        tier = data.get("niva") or data.get("tier")
        return redirect(url + (f"&niva={tier}" if tier in TIER_ORDER else ""))
    form = AddMethodForm(
        request.POST or None,
        initial={"method": method.pk, "tier": _tier_from(data.get("niva"), method)},
    )
    context = {"form": form, "method": method, "routine": routine, "version": routine.version}
    if request.method == "POST" and form.is_valid():
        try:
            editing.add_method(
                routine, links.posted_version(request), method, form.cleaned_data["tier"]
            )
        except RoutineError as error:
            context["error"] = error.message
            context["version"] = routine.version
            return render(request, "routines/add_method.html", context, status=409)
        messages.success(request, _("Metodens steg finns nu som förslag i rutinen."))
        return redirect(tokens.edit_url(routine) + f"#tier-{form.cleaned_data['tier']}")
    return render(request, "routines/add_method.html", context)


@with_routine
@require_http_methods(["GET", "POST"])
def edit(request, routine, token):
    general = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "general":
            general = GeneralForm(request.POST)
            response = _save_general(request, routine, general)
        else:
            response = _step_action(request, routine, action, request.POST.get("step", ""))
        if response is not None:
            return response
    context = pages.edit_context(request, routine, token, general_form=general)
    status = 200
    if general is not None:
        status = 409 if getattr(general, "conflict", False) else 400
    return render(request, "routines/edit.html", context, status=status)


def _save_general(request, routine, form):
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        content = editing.current_content(routine, data["version"])
        content.school_unit = data["school_unit"]
        content.school_form = data["school_form"]
        content.review_date = data["review_date"]
        if content.to_json() != routine.content:
            routine = editing.save(routine, data["version"], content, note=_("Skola och datum"))
        sharing.set_shared(routine, data["shared_with_team"])
    except RoutineError as error:
        _refused(form, error)
        return None
    messages.success(request, _("Ändringarna är sparade."))
    return redirect(tokens.edit_url(routine) + "#general")


def _step_action(request, routine, action, key):
    tier = request.POST.get("tier", "")
    changes = {
        "up": lambda c: editing.move_step(c, key, -1),
        "down": lambda c: editing.move_step(c, key, 1),
        "remove": lambda c: editing.remove_step(c, key),
        "accept": lambda c: editing.accept_step(c, key),
        "accept_method": lambda c: editing.accept_method(
            c, tier, _int_or_none(request.POST.get("method"))
        ),
    }
    if action == "new_share_link":
        sharing.new_share_link(routine)
        messages.success(request, _("Den gamla delningslänken fungerar inte längre."))
        return redirect(tokens.edit_url(routine) + "#share")
    if action not in changes:
        messages.error(request, _("Ändringen kunde inte göras."))
        return redirect(tokens.edit_url(routine))
    version = links.posted_version(request)
    try:
        content = editing.current_content(routine, version)
        editing.save(routine, version, changes[action](content), note=pages.ACTION_NOTES[action])
    except RoutineError as error:
        messages.error(request, error.message)
        return redirect(tokens.edit_url(routine))
    messages.success(request, _("Ändringen är sparad."))
    anchor = f"#tier-{tier}" if action == "accept_method" else f"#step-{key}"
    return redirect(tokens.edit_url(routine) + anchor)


def _save_form(form, routine, change, *, note):
    """Apply ``change(content)`` to the routine as the form's version saw it and save. On a
    refusal the form carries the message and, after a conflict, the newest version, so that
    sending again puts the visitor's input (kept in the form) on top. The saved routine or None.
    """
    base = form.cleaned_data["version"]
    try:
        fresh = editing.current_content(routine, base)
        change(fresh)
        return editing.save(routine, base, fresh, note=note)
    except RoutineError as error:
        _refused(form, error)
        return None


def _refused(form, error):
    """The refusal's message on ``form``; after a conflict (``form.conflict``) the form's
    version is the newest, so that sending again puts the visitor's input on top."""
    form.add_error(None, error.message)
    if isinstance(error, Conflict):
        form.conflict = True
        form.data = form.data.copy()
        form.data["version"] = error.current


@with_routine
@require_http_methods(["GET", "POST"])
def step(request, routine, token, key=None, tier=None):
    """Edit one step (``key``) or write a new one in ``tier``."""
    content = routine.routine_content()
    old = None
    if key is not None:
        found = content.find_step(key)
        if found is None:
            messages.error(request, _("Steget finns inte längre i rutinen."))
            return redirect(tokens.edit_url(routine))
        tier, _index, old = found[0].tier, found[1], found[2]
    elif tier not in TIER_ORDER:
        return redirect(tokens.edit_url(routine))
    initial = (
        StepForm.initial_for(tier, old, routine.version)
        if old
        else {"version": routine.version, "tier": tier, "trigger_kind": "custom"}
    )
    titles = pages.method_links(content)
    methods = [(pk, titles.get(pk, (str(pk), ""))[0]) for pk in (old.methods if old else [])]
    form = StepForm(request.POST or None, initial=initial, roles=content.roles, methods=methods)
    status = 200
    if request.method == "POST" and form.is_valid():
        saved = _save_form(
            form,
            routine,
            lambda fresh: editing.put_step(fresh, form.cleaned_data["tier"], form.step(old), key),
            note=_("Steg ändrat") if key else _("Nytt steg"),
        )
        if saved is not None:
            messages.success(request, _("Steget är sparat."))
            return redirect(tokens.edit_url(saved) + f"#tier-{form.cleaned_data['tier']}")
        status = 409
    elif request.method == "POST":
        status = 400
    context = {"routine": routine, "token": token, "form": form, "step": old, "tier": tier}
    return render(request, "routines/step.html", context, status=status)


@with_routine
@require_http_methods(["GET", "POST"])
def roles(request, routine, token):
    content = routine.routine_content()
    form = RolesForm(
        request.POST or None, initial={"version": routine.version}, roles=content.roles
    )
    status = 200
    if request.method == "POST" and form.is_valid():

        def change(fresh):
            for code in form.apply(fresh):
                editing.remove_role(fresh, code)

        saved = _save_form(form, routine, change, note=_("Roller"))
        if saved is not None:
            messages.success(request, _("Rollerna är sparade."))
            return redirect(tokens.edit_url(saved) + "#roles")
        status = 409
    elif request.method == "POST":
        status = 400
    context = {"routine": routine, "token": token, "form": form}
    return render(request, "routines/roles.html", context, status=status)


@with_routine
@require_http_methods(["GET"])
def versions(request, routine, token):
    return render(
        request, "routines/versions.html", pages.versions_context(request, routine, token)
    )


@never_cache
@require_http_methods(["GET"])
def shared(request, token):
    try:
        routine = tokens.routine_for_share(token)
    except links.LinkError as error:
        return links.problem_response(
            request, error, newest=_("Be den som delade rutinen om en ny länk.")
        )
    return render(request, "routines/shared.html", pages.read_context(routine))


def _session_routine(request):
    token = request.session.get(SESSION_KEY)
    if not token:
        return None, None
    try:
        return tokens.routine_for_edit(token), token
    except links.LinkError:
        request.session.pop(SESSION_KEY, None)
        return None, None


def _method_from(value):
    try:
        return building.live_method(int(value))
    except (TypeError, ValueError, RoutineError):
        return None


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _tier_from(value, method):
    tiers = building.method_tiers(method)
    return value if value in tiers else tiers[0]
