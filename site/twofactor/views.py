from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import CodeForm, confirmed_devices, secret_of, verify_code
from .middleware import reads_personal_data


def two_factor(request):
    """Turn two-factor login on (scan/type the key, confirm with a code) or off (with a code)."""
    user = request.user
    devices = confirmed_devices(user)
    required = settings.STAFF_TWO_FACTOR_REQUIRED and reads_personal_data(user)
    pending = None
    if not devices:
        pending = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if pending is None:
            pending = TOTPDevice.objects.create(user=user, name="app", confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        if devices and required:
            form.add_error(
                "code",
                _("Tvåstegsverifiering är obligatorisk för ditt konto och kan inte stängas av."),
            )
        elif devices and verify_code(devices, code):
            TOTPDevice.objects.filter(user=user).delete()
            messages.success(request, _("Tvåstegsverifiering är avstängd."))
            return redirect("kc_two_factor")
        elif pending and verify_code([pending], code):
            pending.confirmed = True
            pending.save(update_fields=["confirmed"])
            messages.success(request, _("Tvåstegsverifiering är på."))
            return redirect("kc_two_factor")
        else:
            form.add_error(
                "code", _("Koden stämmer inte. Kontrollera klockan i telefonen och försök igen.")
            )
    return TemplateResponse(
        request,
        "twofactor/two_factor.html",
        {
            "enabled": bool(devices),
            "required": required,
            "secret": secret_of(pending) if pending else "",
            "config_url": pending.config_url if pending else "",
            "form": form,
        },
    )
