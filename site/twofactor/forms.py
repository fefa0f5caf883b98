"""Optional two-factor login for staff: a one-time code from an authenticator app (TOTP).

Staff who have turned it on must give the code with their password; everyone else logs in with
the password alone. Wrong codes are throttled by django-otp (growing delays per device) and,
like wrong passwords, by django-axes (lockout per account and per client address)."""

from base64 import b32encode

from django import forms
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.forms.auth import LoginForm


def _code_field(required):
    return forms.CharField(
        label=_("Engångskod från din autentiseringsapp"),
        required=required,
        max_length=12,
        help_text=None if required else _("Bara om du har slagit på tvåstegsverifiering."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def verify_code(devices, code):
    """True when ``code`` is valid for one of ``devices`` (throttled per device)."""
    code = "".join((code or "").split())
    return bool(code) and any(
        device.verify_is_allowed()[0] and device.verify_token(code) for device in devices
    )


def confirmed_devices(user):
    return list(TOTPDevice.objects.devices_for_user(user, confirmed=True))


def secret_of(device):
    """The device's key as base32, to type into an authenticator app."""
    return b32encode(device.bin_key).decode()


class StaffLoginForm(LoginForm):
    """Wagtail's login form with the one-time code.

    The code is checked only after the password was right, and a wrong code gets the same
    message as a wrong password, so the form never tells whether a password is right. A wrong
    code counts as a failed login for the throttling (django-axes), like a wrong password."""

    otp_token = _code_field(required=False)

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        devices = confirmed_devices(user) if user is not None else []
        if devices and not verify_code(devices, cleaned.get("otp_token")):
            self.user_cache = None
            user_login_failed.send(
                sender=__name__,
                credentials={"username": cleaned.get("username", "")},
                request=self.request,
            )
            raise self.get_invalid_login_error()
        return cleaned


class CodeForm(forms.Form):
    code = _code_field(required=True)
