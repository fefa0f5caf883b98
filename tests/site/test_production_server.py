"""The documented production command starts: gunicorn, production settings, WhiteNoise."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_gunicorn_serves_the_site_with_hashed_static_files(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "ELASTICSEARCH_URL"}}
    env.update(
        DJANGO_ENV="production",
        SECRET_KEY="test-" + "Zx8" * 20,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        CACHE_URL=f"filecache://{tmp_path / 'cache'}",  # production refuses a per-process cache
    )
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run(
        manage + ["collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    subprocess.run(manage + ["migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())
    hashed_css = manifest["paths"]["css/site.css"]
    assert hashed_css != "css/site.css"

    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "kcsite.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                status, _, body = _get(base + "/robots.txt")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()[-2000:]
                assert time.monotonic() < deadline, "gunicorn did not start in 30 s"
                time.sleep(0.3)
        assert status == 200 and b"Sitemap:" in body
        status, headers, body = _get(f"{base}/static/{hashed_css}")
        assert status == 200 and b"--brand" in body
        assert "max-age=315360000" in headers.get("Cache-Control", "")
    finally:
        server.terminate()
        server.wait(timeout=20)
