"""Two-factor login made mandatory for staff who can read personal data (a setting)."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from .forms import confirmed_devices

# Staff with any of these permissions can read personal data (events, membership, support).
PERSONAL_DATA_PERMISSIONS = (
    "events.view_registration",
    "membership.view_membershipapplication",
    "membership.view_member",
    "support.view_supportrequest",
)


def reads_personal_data(user):
    return user.is_active and (
        user.is_superuser or any(user.has_perm(perm) for perm in PERSONAL_DATA_PERMISSIONS)
    )


def must_set_up_two_factor(user):
    return (
        getattr(settings, "STAFF_TWO_FACTOR_REQUIRED", False)
        and user.is_authenticated
        and reads_personal_data(user)
        and not confirmed_devices(user)
    )


class RequireTwoFactorMiddleware:
    """With ``STAFF_TWO_FACTOR_REQUIRED``, staff who can read personal data and have not set up
    two-factor login are sent to its set-up page from every admin page but logout."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path.startswith("/admin/") and must_set_up_two_factor(request.user):
            allowed = (reverse("kc_two_factor"), reverse("wagtailadmin_logout"))
            if path not in allowed and not path.startswith("/admin/jsi18n"):
                return redirect("kc_two_factor")
        return self.get_response(request)
