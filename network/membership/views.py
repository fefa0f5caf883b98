"""Public and member views of the network (thin: the logic is in ``services``)."""

import json

from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import BaseViewRestriction, Locale

from kcsite import links, ratelimit
from kcsite.linkmail import MailLinkView
from kcsite.links import LinkError

from .forms import ApplicationForm, LoginLinkForm, ProfileForm
from .models import MemberAreaPage, NetworkPage
from .services import access, applications, member_data, network_messages

TOKEN_FAILURE_LIMIT = (20, 3600)  # wrong/used/expired login links per client and hour


def _locale_page(model):
    """The live page of ``model`` in the visitor's language (or the default language)."""
    pages = model.objects.live()
    locale = Locale.objects.filter(language_code=get_language()).first()
    return (locale and pages.filter(locale=locale).first()) or pages.first()


def _render(request, template, context=None, status=200):
    context = {"network_page": _locale_page(NetworkPage), **(context or {})}
    return render(request, template, context, status=status)


def _link_problem(request, error, kind):
    """The shared "Länken fungerar inte" page, saying what to do for each kind of link."""
    code = error.code
    if kind == "verify":
        newest = {
            "expired": _(
                "Ansökningar som inte bekräftas i tid raderas – skicka gärna en ny ansökan."
            ),
            "used": _(
                "Ansökan är redan bekräftad. Team Domino går igenom den och du får besked via "
                "e-post."
            ),
        }.get(code, "")
        again = (reverse("membership:apply"), _("Till ansökan"))
    elif kind == "login":
        newest = _(
            "En inloggningslänk gäller i %(minutes)s minuter och kan bara användas en gång. "
            "Den senaste länken finns i det senaste mejlet, eller be om en ny."
        ) % {"minutes": int(access.login_link_lifetime().total_seconds() // 60)}
        again = (reverse("membership:login"), _("Be om en ny länk"))
    else:
        newest = _("Är du inte längre medlem får du inga utskick.")
        again = ("", "")
    response = links.problem_response(
        request, code, newest=newest, again_url=again[0], again_label=again[1]
    )
    return response


# -- applying -------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def apply(request):
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        refused = ratelimit.refuse(
            request,
            "membership:apply",
            email=form.cleaned_data["email"],
            template="membership/apply.html",
            context={"network_page": _locale_page(NetworkPage), "form": form},
        )
        if refused:
            return refused
        applications.submit_application(form.cleaned_data, language=get_language())
        return redirect("membership:apply_sent")
    return _render(request, "membership/apply.html", {"form": form})


def apply_sent(request):
    return _render(request, "membership/apply_sent.html")


def _verify_failed(request, error):
    """A link opened again after it did its work is not an error: say where things stand."""
    if error.code == "used":
        return _render(request, "membership/verify.html", {"already_verified": True})
    return _link_problem(request, error, "verify")


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request, token):
    """GET shows a button (mail scanners that open links verify nothing); POST verifies."""
    try:
        application = applications.application_for_token(token)
    except LinkError as error:
        return _verify_failed(request, error)
    if request.method == "POST":
        try:
            applications.verify_application(token)
        except LinkError as error:
            return _verify_failed(request, error)
        return _render(request, "membership/verify.html", {"verified": True})
    return _render(request, "membership/verify.html", {"application": application})


# -- logging in -----------------------------------------------------------------------------


class LoginLinkView(MailLinkView):
    """Ask for a login link. The answer never tells whether the address is a member's."""

    form_class = LoginLinkForm
    scope = "membership:login-link"
    template_name = "membership/login.html"

    def dispatch(self, request, *args, **kwargs):
        self.member = access.member_profile_for(request.user)
        self.next_url = access.safe_next_url(
            request.POST.get("next") or request.GET.get("next", "")
        )
        if request.user.is_authenticated and self.member is None:
            return _render(request, "membership/not_a_member.html", status=403)
        if self.member is not None and request.method == "GET":
            if self.next_url:
                return redirect(self.next_url)
            return _render(request, self.template_name, {"member": self.member})
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"next": self.next_url}

    def get_context_data(self, **kwargs):
        return {"network_page": _locale_page(NetworkPage), **kwargs}

    def per_email(self):
        """At most this many links per address and link lifetime."""
        minutes = settings.MEMBERSHIP_LOGIN_LINK_MINUTES
        return (settings.MEMBERSHIP_LOGIN_LINKS_PER_ADDRESS, minutes * 60)

    def email_limited(self, request, form):
        # Someone (perhaps not the member) keeps asking for links to this address: no new
        # link, but nobody is blocked either: the member is told to use the one sent.
        return _render(request, "membership/login_sent.html", {"sent_recently": True})

    def send_link(self, email, form):
        access.send_login_link(email, self.next_url, get_language())

    def sent(self, request, form):
        return redirect("membership:login_sent")


login_request = LoginLinkView.as_view()


def login_sent(request):
    return _render(request, "membership/login_sent.html")


def _token_failed(request, error):
    ratelimit.count(request, "membership:token-failure", rate=TOKEN_FAILURE_LIMIT)
    return _link_problem(request, error, "login")


@never_cache
@require_http_methods(["GET", "POST"])
def login_token(request, token):
    """GET checks the link and shows a button; POST uses it once and logs the member in."""
    limited = ratelimit.is_over(request, "membership:token-failure", rate=TOKEN_FAILURE_LIMIT)
    if limited:
        context = {"network_page": _locale_page(NetworkPage)}
        return ratelimit.render_limited(
            request, "components/rate_limited_page.html", context, limited
        )
    try:
        if request.method == "POST":
            used = access.redeem_login_token(token)
        else:
            access.check_login_token(token)
            return _render(request, "membership/login_token.html", {"token": token})
    except LinkError as error:
        return _token_failed(request, error)
    login(request, used.member.user, backend="django.contrib.auth.backends.ModelBackend")
    default = _locale_page(MemberAreaPage)
    return redirect(used.next_url or (default.url if default else reverse("membership:profile")))


@require_POST
def logout_view(request):
    logout(request)
    return redirect("membership:logged_out")


def logged_out(request):
    return _render(request, "membership/logged_out.html")


# -- the member's own data ------------------------------------------------------------------


def _member_or_login(request):
    member = access.member_profile_for(request.user)
    if member is None:
        if request.user.is_authenticated:
            return None, _render(request, "membership/not_a_member.html", status=403)
        return None, redirect_to_login(request.get_full_path(), reverse("membership:login"))
    return member, None


@never_cache
@require_http_methods(["GET", "POST"])
def profile(request):
    member, refusal = _member_or_login(request)
    if refusal:
        return refusal
    form = ProfileForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect(reverse("membership:profile") + "?saved=1")
    return _render(
        request,
        "membership/profile.html",
        {
            "member": member,
            "form": form,
            "saved": request.GET.get("saved") == "1" and request.method == "GET",
            "member_area": _locale_page(MemberAreaPage),
        },
    )


@never_cache
def export_data(request):
    member, refusal = _member_or_login(request)
    if refusal:
        return refusal
    payload = json.dumps(member_data.export_member_data(member), ensure_ascii=False, indent=2)
    response = HttpResponse(payload, content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mina-uppgifter-{stamp}.json"'
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def leave(request):
    member, refusal = _member_or_login(request)
    if refusal:
        return refusal
    if request.method == "POST":
        member_data.leave_network(member)
        logout(request)
        return redirect("membership:left")
    return _render(request, "membership/leave.html", {"member": member})


def left(request):
    return _render(request, "membership/left.html")


# -- messages to all members ----------------------------------------------------------------


@csrf_exempt  # one-click unsubscribe from mail programs (RFC 8058); the signed token is the key
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        member = network_messages.member_for_unsubscribe_token(token)
    except LinkError as error:
        return _link_problem(request, error, "unsubscribe")
    if request.method == "POST":
        network_messages.unsubscribe(token)
        return _render(request, "membership/unsubscribe.html", {"done": True})
    return _render(request, "membership/unsubscribe.html", {"member": member})


# -- privacy of the member area (registered as Wagtail hooks) -------------------------------


def _refuses(restrictions, request):
    """True when a logged-in user fails a group restriction (they get a refusal, not a login)."""
    if not request.user.is_authenticated:
        return False
    return any(
        r.restriction_type == BaseViewRestriction.GROUPS and not r.accept_request(request)
        for r in restrictions
    )


def _not_a_member(request):
    response = render(request, "membership/not_a_member.html", status=403)
    response["Cache-Control"] = "private, no-cache, no-store, max-age=0"
    return response


def refuse_logged_in_non_members(page, request, serve_args, serve_kwargs):
    """Logged-in users outside the members group get a clear refusal, not a login form.

    Anonymous visitors pass on to Wagtail's own check, which sends them to the login page
    (without asking the database for the restrictions a second time).
    """
    if request.user.is_authenticated and _refuses(page.get_view_restrictions(), request):
        return _not_a_member(request)
    return None


def refuse_document_to_non_members(document, request):
    if _refuses(document.collection.get_view_restrictions(), request):
        return _not_a_member(request)
    return None
