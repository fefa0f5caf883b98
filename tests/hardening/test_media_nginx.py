"""The shipped nginx configuration (ops/nginx/kunskapscentrum.conf) in front of the app, with
uploads on local disk: a real nginx serves public images itself, sends films only after the app's
check (X-Accel-Redirect) with the app's private headers, answers byte ranges, never serves
documents or the internal location directly.

The file is used as shipped, with only its addresses changed: the upstream becomes the test's
live server, TLS is dropped, and ``/srv/kc/var/media/`` becomes this test's MEDIA_ROOT. Needs the
``nginx`` binary (Debian package ``nginx``); skipped without it.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer

from tests.conftest import missing
from tests.hardening.test_private_media import FILM, film, restricted_collection
from tests.membership.factories import member

pytestmark = pytest.mark.django_db(transaction=True)

CONF = Path(__file__).resolve().parents[2] / "ops" / "nginx" / "kunskapscentrum.conf"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(100)


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _test_server_blocks(live_server_address, port, media_root):
    """The shipped server blocks, pointed at the live server and this test's folders."""
    text = CONF.read_text()
    text = re.sub(r"upstream kunskapscentrum \{.*?\n\}", "", text, count=1, flags=re.S)
    text = re.sub(r"server \{\s*listen 80;.*?\n\}", "", text, count=1, flags=re.S)
    text = re.sub(
        r"\n\s*listen \[::\]:443 ssl;|\n\s*http2 on;|\n\s*ssl_certificate\S* [^;]+;", "", text
    )
    text = text.replace("listen 443 ssl;", f"listen 127.0.0.1:{port};")
    text = text.replace("http://kunskapscentrum", f"http://{live_server_address}")
    text = text.replace("/srv/kc/var/media/", f"{media_root}/").replace(
        "/srv/kc/var", str(media_root.parent)
    )
    return text


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def app_server():
    """The app on a free port in a thread, as gunicorn behind nginx (pytest-django's
    ``live_server`` serves MEDIA_ROOT itself, around the app: not what production does)."""
    server = WSGIServer(("127.0.0.1", 0), _QuietHandler, ipv6=False)
    server.set_app(WSGIHandler())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def nginx(app_server, settings, tmp_path):
    binary = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if binary is None:
        missing("needs nginx (apt-get install nginx) to test the shipped configuration")
    media_root = tmp_path / "var" / "media"
    media_root.mkdir(parents=True)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = media_root
    settings.MEDIA_ACCEL_REDIRECT = "/_media/"
    port = _free_port()
    run = tmp_path / "nginx"
    run.mkdir()
    (run / "nginx.conf").write_text(
        f"""
daemon off;
{"user root;" if os.geteuid() == 0 else ""}
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    {_test_server_blocks(app_server, port, media_root)}
}}
"""
    )
    process = subprocess.Popen([binary, "-p", str(run), "-c", str(run / "nginx.conf")])
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail((run / "error.log").read_text())
            time.sleep(0.05)
    yield base
    process.terminate()
    process.wait(timeout=10)


def _directives(response):
    return {part.strip() for part in response.headers.get("Cache-Control", "").split(",") if part}


def _login(base, user):
    """A session cookie for ``user``, as the login form would set it."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    session = requests.Session()
    session.cookies.set("sessionid", client.cookies["sessionid"].value)
    return session


def test_nginx_sends_a_restricted_film_only_after_the_apps_check(nginx):
    media = film(restricted_collection())
    url = nginx + media.url
    refused = requests.get(url, timeout=10)
    assert refused.status_code == 403 and FILM not in refused.content
    assert {"private", "no-store"} <= _directives(refused)
    session = _login(nginx, member().user)
    served = session.get(url, timeout=10)
    assert served.status_code == 200 and served.content == FILM
    assert "X-Accel-Redirect" not in served.headers
    assert {"private", "no-store"} <= _directives(served)
    assert served.headers["Cache-Control"].count("private") == 1  # once, not repeated
    assert "public" not in _directives(served)
    assert "Cookie" in served.headers["Vary"]
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert served.headers["Content-Type"] == "video/mp4"
    ranged = session.get(url, headers={"Range": "bytes=10-19"}, timeout=10)
    assert ranged.status_code == 206 and ranged.content == FILM[10:20]
    assert {"private", "no-store"} <= _directives(ranged)


def test_nginx_sends_a_public_film_with_ordinary_caching_and_ranges(nginx):
    media = film(name="föreläsning om närvaro.mp4")
    served = requests.get(nginx + media.url, headers={"Range": "bytes=0-9"}, timeout=10)
    assert served.status_code == 206 and served.content == FILM[:10]
    assert "public" in _directives(served) and "no-store" not in _directives(served)


def test_nginx_serves_public_images_itself_and_never_documents_or_the_internal_folder(
    nginx, settings
):
    images = settings.MEDIA_ROOT / "images"
    images.mkdir()
    (images / "bild.png").write_bytes(PNG)
    image = requests.get(f"{nginx}/media/images/bild.png", timeout=10)
    assert image.status_code == 200 and image.content == PNG
    assert "public" in _directives(image)
    assert image.headers["X-Content-Type-Options"] == "nosniff"
    media = film(restricted_collection())
    (settings.MEDIA_ROOT / "documents").mkdir()
    (settings.MEDIA_ROOT / "documents" / "protokoll.pdf").write_bytes(b"%PDF-1.4 medlemmar")
    for path in (
        "/media/documents/protokoll.pdf",
        "/media/media/../documents/protokoll.pdf",
        "/media/%2e%2e/documents/protokoll.pdf",
        f"/_media/{media.file.name}",
        "/_media/documents/protokoll.pdf",
    ):
        response = requests.get(nginx + path, timeout=10)
        assert response.status_code in (400, 403, 404), path
        assert b"medlemmar" not in response.content and FILM not in response.content, path


def _locations(text):
    """``{location: body}`` of the shipped server blocks (one level of braces)."""
    return {
        match.group(1).strip(): match.group(2)
        for match in re.finditer(r"location\s+([^{]+)\{([^{}]*)\}", text)
    }


def test_the_shipped_configuration_has_the_media_locations(tmp_path):
    """A guard that runs without nginx: the locations above exist, and the internal one is the
    one production settings name (``MEDIA_ACCEL_REDIRECT``)."""
    locations = _locations(CONF.read_text())
    assert "internal;" in locations["/_media/"]
    assert "return 404;" in locations["/media/documents/"]
    assert "proxy_pass" in locations["/media/"]
    images = locations["~ ^/media/(images|original_images)/(.+)$"]
    assert "proxy_pass" not in images and "alias" in images
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "S3_BUCKET"}}
    env.update(
        DJANGO_ENV="production",
        SECRET_KEY="test-" + "Zx8" * 20,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        CACHE_URL=f"filecache://{tmp_path / 'cache'}",
    )
    printed = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; print(settings.MEDIA_ACCEL_REDIRECT)",
        ],
        cwd=CONF.parents[2],
        env={**env, "DJANGO_SETTINGS_MODULE": "kcsite.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert printed.stdout.strip() == "/_media/"
