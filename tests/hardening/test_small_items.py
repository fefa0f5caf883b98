"""The smaller findings: the input cleaner, the language switch and cookie, ensure_editor,
and production settings over plain http on loopback."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from kcsite.cleaning import clean_multi_line, clean_single_line
from network.membership.forms import ApplicationForm
from network.support.forms import AddInformationForm
from tests.membership.factories import application_data

ROOT = Path(__file__).resolve().parents[2]
RLO, ZWSP, LRI, PDI = "\u202e", "\u200b", "\u2066", "\u2069"


def test_single_line_cleaner_drops_controls_bidi_and_breaks():
    assert clean_single_line(f"Anna{RLO}gpj.exe") == "Annagpj.exe"
    assert clean_single_line("Anna\r\nAndersson\x1b[31m\x00") == "Anna Andersson[31m"
    assert clean_single_line(f"{LRI}Skolan{PDI}\u2028B") == "Skolan B"
    assert clean_single_line("Åsa Öberg-Ärlig") == "Åsa Öberg-Ärlig"


def test_multi_line_cleaner_keeps_line_breaks():
    assert clean_multi_line(f"Rad 1\r\nRad 2{ZWSP}\x07\tslut") == "Rad 1\nRad 2\tslut"


@pytest.mark.django_db
def test_public_forms_clean_single_line_fields_before_validation():
    data = application_data(
        name=f"Eva{RLO} Ek\n", organisation=f"Skola{ZWSP}n\r\nX", role=f"{LRI}Rektor{PDI}"
    )
    form = ApplicationForm(data)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == "Eva Ek"
    assert form.cleaned_data["organisation"] == "Skolan X"
    assert form.cleaned_data["role"] == "Rektor"
    only_format = ApplicationForm(application_data(name=f"{RLO}{ZWSP}"))
    assert not only_format.is_valid() and "name" in only_format.errors


def test_a_hidden_character_no_longer_hides_a_personal_identity_number():
    form = AddInformationForm({"text": f"Eleven 19121212{ZWSP}-1212 är sjuk"})
    assert not form.is_valid()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "next_url", "expected"),
    [
        ("en", "/en/", "/en/"),
        ("en", "/en/natverket/ansok/", "/en/natverket/ansok/"),
        ("sv", "/", "/"),
        ("en", "/", "/en/"),
    ],
)
def test_setlang_never_doubles_the_prefix(client, language, next_url, expected):
    response = client.post("/i18n/setlang/", {"language": language, "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == expected
    cookie = response.cookies["django_language"]
    assert cookie["samesite"] == "Lax" and cookie["httponly"]


@pytest.mark.django_db
def test_setlang_refuses_foreign_next(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/en/"})
    assert "evil.example" not in response["Location"]


def test_ensure_editor_refuses_in_production(settings, tmp_path):
    settings.PRODUCTION = True
    settings.VAR_DIR = tmp_path
    with pytest.raises(CommandError):
        call_command("ensure_editor")
    assert not (tmp_path / "editor-login.txt").exists()


def _production_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}
    clean.update(
        DJANGO_ENV="production",
        SECRET_KEY="k3Y-" + "a9Zq" * 16,
        CACHE_URL="filecache:///tmp/kc-small-items-cache",  # production requires a shared cache
        **env,
    )
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE,"
        " s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS)"
    )
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_over_plain_http_on_loopback_only():
    secure = _production_settings(ALLOWED_HOSTS="kc.example.org")
    assert secure.stdout.split()[-5:] == ["True", "True", "True", "True", "31536000"]
    plain = _production_settings(ALLOWED_HOSTS="127.0.0.1,localhost", PLAIN_HTTP_LOOPBACK="true")
    assert plain.stdout.split()[-5:] == ["False", "False", "False", "False", "0"], plain.stderr
    refused = _production_settings(ALLOWED_HOSTS="kc.example.org", PLAIN_HTTP_LOOPBACK="true")
    assert refused.returncode != 0 and "PLAIN_HTTP_LOOPBACK" in refused.stderr
