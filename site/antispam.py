"""Protection of public forms against bots: a honeypot field (rate limits: ``kcsite.ratelimit``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT = "website"


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
