"""Staff login: throttled per account and per client, no oracle for a right password, and
two-factor login mandatory (a setting) for staff who can read personal data."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
PASSWORD = "ett-långt-lösenord-för-test"


@pytest.fixture
def staff():
    return get_user_model().objects.create_superuser("lockme", "l@example.org", PASSWORD)


def _code(device):
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{value:0{device.digits}d}"


def _wrong_code(device):
    return "000000" if _code(device) != "000000" else "111111"


def _forget_otp_delay(device):
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )


def _login(client, username="lockme", password=PASSWORD, **extra):
    return client.post("/admin/login/", {"username": username, "password": password, **extra})


def _errors(response):
    form = response.context["form"] if response.context else None
    return form.non_field_errors() if form is not None else None


def test_ten_wrong_passwords_then_the_right_one_is_refused(staff):
    client = Client()
    for n in range(10):
        response = _login(client, password=f"fel-lösenord-{n}")
        assert response.status_code in (200, 429)
    response = _login(client)
    assert response.status_code == 429
    assert client.get("/admin/").status_code == 302  # not logged in


def test_the_account_is_locked_from_another_address_too(staff):
    for n in range(5):
        _login(Client(REMOTE_ADDR=f"198.51.100.{n + 1}"), password="fel")
    response = _login(Client(REMOTE_ADDR="203.0.113.9"))
    assert response.status_code == 429


def test_one_address_is_locked_for_every_account():
    user_model = get_user_model()
    for n in range(5):
        user_model.objects.create_user(f"staff{n}", password=PASSWORD, is_staff=True)
    client = Client(REMOTE_ADDR="192.0.2.7")
    for n in range(5):
        _login(client, username=f"staff{n}", password="fel")
    other = user_model.objects.create_superuser("innocent", "i@example.org", PASSWORD)
    response = _login(client, username=other.username)
    assert response.status_code == 429


def test_a_success_before_the_limit_resets_the_count(staff):
    client = Client()
    for _ in range(4):
        _login(client, password="fel")
    assert _login(client).status_code == 302
    client.logout()
    for _ in range(4):
        _login(client, password="fel")
    assert _login(client).status_code == 302


def test_wrong_password_and_wrong_code_get_the_same_answer(staff):
    device = TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    wrong_password = _login(Client(), password="fel", otp_token=_code(device))
    right_password_wrong_code = _login(Client(), otp_token=_wrong_code(device))
    _forget_otp_delay(device)
    right_password_no_code = _login(Client())
    answers = [
        _errors(r) for r in (wrong_password, right_password_wrong_code, right_password_no_code)
    ]
    assert answers[0] and answers[0] == answers[1] == answers[2]
    assert all(r.status_code == 200 for r in (wrong_password, right_password_wrong_code))
    assert "engångskod" not in str(answers[1]).lower()


def test_wrong_codes_count_towards_the_lockout(staff):
    device = TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    client = Client()
    for _ in range(5):
        _forget_otp_delay(device)
        _login(client, otp_token=_wrong_code(device))
    _forget_otp_delay(device)
    device.refresh_from_db()
    assert _login(client, otp_token=_code(device)).status_code == 429


def _personal_data_reader():
    user = get_user_model().objects.create_user("reader", password=PASSWORD, is_staff=True)
    group = Group.objects.create(name="Läser anmälningar")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_registration"),
    )
    user.groups.add(group)
    return user


def test_two_factor_is_mandatory_for_staff_reading_personal_data(client, settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True
    client.force_login(_personal_data_reader())
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].endswith("/admin/tvastegsverifiering/")
    assert client.get("/admin/tvastegsverifiering/").status_code == 200
    device = TOTPDevice.objects.get(user__username="reader", confirmed=False)
    client.post("/admin/tvastegsverifiering/", {"code": _code(device)})
    assert client.get("/admin/").status_code == 200
    # and it cannot be turned off again
    _forget_otp_delay(device)
    device.refresh_from_db()
    client.post("/admin/tvastegsverifiering/", {"code": _code(device)})
    assert TOTPDevice.objects.filter(user__username="reader", confirmed=True).exists()


def test_without_the_setting_two_factor_stays_optional(client, settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = False
    client.force_login(_personal_data_reader())
    assert client.get("/admin/").status_code == 200


def test_editors_without_personal_data_are_not_forced(client, settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True
    editor = get_user_model().objects.create_user("editor2", password=PASSWORD, is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
