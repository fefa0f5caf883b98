""" "Mail me my link": one flow for every page where a visitor asks for a link by e-mail.

A routine's creator who lost the edit link, a member who wants a login link: the visitor types
an address, and the page answers the same whether or not the address belongs to anyone (no
way to find out who has a routine or is a member). The flow, in one place:

1. a valid address (:class:`LinkRequestForm`, a public form: honeypot, cleaning);
2. the rate limit of :mod:`kcsite.ratelimit` (per address and per client; only valid
   submissions count);
3. ``send_link(email, form)``: the app queues its mail through :mod:`kcsite.mail`; the lookup
   belongs in the builder or in one query, and nothing about it reaches the answer;
4. ``sent(request, form)``: the same answer for every address.

An app subclasses :class:`MailLinkView`::

    class LinkAgainView(MailLinkView):
        scope = "routines:link_again"
        template_name = "routines/link_again.html"

        def send_link(self, email, form):
            sharing.send_links_again(email)

and routes ``LinkAgainView.as_view()``. The form page includes
``components/forms/link_request.html`` (the limit notice, the error summary and the form).
"""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache

from . import ratelimit
from .forms import EmailAddressField, PublicForm


class LinkRequestForm(PublicForm):
    email = EmailAddressField(label=_("Din e-postadress"))


class MailLinkView(View):
    """GET: the form. POST: a valid address → rate limit → ``send_link`` → ``sent``.

    Every answer is ``never_cache``, also one a subclass's ``dispatch`` gives before the form.
    """

    form_class = LinkRequestForm
    scope = ""  # the rate-limit scope, "<app>:<form>"
    template_name = ""  # the form page
    http_method_names = ["get", "post"]

    @classmethod
    def as_view(cls, **initkwargs):
        return never_cache(super().as_view(**initkwargs))

    def send_link(self, email, form):
        """Queue the mail for ``email`` (normalised: stripped, lower case)."""
        raise NotImplementedError

    def sent(self, request, form):
        """The answer after a valid request, the same for every address."""
        return render(request, self.template_name, self.get_context_data(sent=True))

    def email_limited(self, request, form):
        """The answer when this address asked too often, or None for the shared 429 page."""
        return None

    def per_email(self):
        """The per-address rate (None: the settings' ``RATE_LIMIT_PER_EMAIL``)."""
        return None

    def get_initial(self):
        return {}

    def get_context_data(self, **kwargs):
        return kwargs

    def get(self, request, *args, **kwargs):
        return self.render_form(self.form_class(initial=self.get_initial()))

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST, initial=self.get_initial())
        if not form.is_valid():
            return self.render_form(form)
        email = form.cleaned_data["email"].strip().lower()
        limited = ratelimit.check(request, self.scope, email=email, per_email=self.per_email())
        if limited:
            answer = self.email_limited(request, form) if limited.by == "email" else None
            if answer is not None:
                return answer
            context = self.get_context_data(form=form)
            return ratelimit.render_limited(request, self.template_name, context, limited)
        self.send_link(email, form)
        return self.sent(request, form)

    def render_form(self, form):
        return render(self.request, self.template_name, self.get_context_data(form=form))
