"""Optional two-factor login for staff (TOTP from an authenticator app)."""

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
PASSWORD = "ett-långt-lösenord-för-test"
URL = "/admin/tvastegsverifiering/"


@pytest.fixture
def staff():
    return get_user_model().objects.create_superuser("staff2fa", "s@example.org", PASSWORD)


def _code(device):
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{value:0{device.digits}d}"


def _wrong_code(device):
    return "000000" if _code(device) != "000000" else "111111"


def _forget_failures(device):
    """django-otp delays the next try after a wrong code; a test need not wait for it."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    device.refresh_from_db()


def _login(client, **extra):
    return client.post("/admin/login/", {"username": "staff2fa", "password": PASSWORD, **extra})


def test_without_two_factor_the_password_is_enough(client, staff):
    assert _login(client).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_with_two_factor_password_alone_or_a_wrong_code_is_refused(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    response = _login(client)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()  # the generic login error, no oracle
    assert _login(client, otp_token=_wrong_code(device)).status_code == 200
    assert client.get("/admin/").status_code == 302  # still logged out
    _forget_failures(device)
    assert _login(client, otp_token=_code(device)).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_turning_it_on_and_off_needs_a_valid_code(client, staff):
    client.force_login(staff)
    assert client.get(URL).status_code == 200
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    assert client.post(URL, {"code": _wrong_code(device)}).status_code == 200
    assert not TOTPDevice.objects.filter(user=staff, confirmed=True).exists()
    _forget_failures(device)
    assert client.post(URL, {"code": _code(device)}).status_code == 302
    assert TOTPDevice.objects.filter(user=staff, confirmed=True).count() == 1
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)  # the same code once more
    assert client.post(URL, {"code": _code(device)}).status_code == 302
    assert not TOTPDevice.objects.filter(user=staff).exists()
