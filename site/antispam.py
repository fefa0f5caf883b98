"""Protection of public forms against bots: a honeypot field and a per-client rate limit."""

import hashlib

from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

RATE_LIMITED_MESSAGE = _(
    "Du har skickat många formulär på kort tid. Vänta en stund och försök igen."
)


class HoneypotFormMixin(forms.Form):
    """A field people never see (hidden with CSS and from assistive technology); bots fill it."""

    website = forms.CharField(
        label=_("Lämna detta fält tomt"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Formuläret kunde inte skickas."), code="honeypot")
        return ""


def client_key(request):
    """A privacy-friendly key for the client (hashed address, never stored)."""
    address = request.META.get("REMOTE_ADDR", "")
    return hashlib.sha256(address.encode()).hexdigest()[:16]


def rate_limited(request, scope, *, limit, period):
    """Count one attempt of ``scope`` for this client; True when over ``limit`` per ``period`` s."""
    key = f"ratelimit:{scope}:{client_key(request)}"
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=period)
        count = 1
    return count > limit
