"""Two app servers on one PostgreSQL, Redis and object store (the production topology).

Two gunicorn instances, A and B, serve the test database with the same settings as this
process. What one server (or this process, acting as a third) changes, the others serve at
once: the page cache and fragments live in Redis under a content generation that every
publish bumps, and uploads live in S3-compatible object storage, not on one server's disk.

The changes are committed (the servers run in their own processes), so the test restores what
it changed instead of relying on a rolled-back transaction.
"""

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests
from django.conf import settings

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.s3]

REPO = Path(__file__).resolve().parents[2]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_env():
    from django.core.files.storage import default_storage

    database = settings.DATABASES["default"]
    env = dict(os.environ)
    env.update(
        DATABASE_URL=(
            f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
            f"{database['PORT']}/{database['NAME']}"
        ),
        CACHE_KEY_PREFIX=settings.CACHES["default"]["KEY_PREFIX"],
        S3_PREFIX=default_storage.location,  # where this process keeps its files
        PAGE_CACHE_SECONDS="60",
        TASKS_QUEUE="0",
    )
    backends = settings.WAGTAILSEARCH_BACKENDS["default"]
    if "INDEX_PREFIX" in backends:
        env["SEARCH_INDEX"] = backends["INDEX_PREFIX"].rstrip("_")
    return env


@pytest.fixture(scope="module")
def servers(tmp_path_factory, django_db_setup):
    """Two gunicorns, each with its own control socket (they would collide on the default)."""
    sockets = tmp_path_factory.mktemp("gunicorn")
    started = []
    for name in ("a", "b"):
        port = _free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "kcsite.wsgi", "--bind", f"127.0.0.1:{port}"]
            + ["--workers", "1", "--control-socket", str(sockets / f"{name}.ctl")],
            cwd=REPO,
            env=_server_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started.append((process, f"http://127.0.0.1:{port}"))
    try:
        for process, url in started:
            deadline = time.monotonic() + 180  # a busy machine boots Django slowly
            while True:
                try:
                    requests.get(url + "/robots.txt", timeout=30)
                    break
                except requests.RequestException:
                    assert process.poll() is None, "gunicorn exited while starting"
                    assert time.monotonic() < deadline, "gunicorn did not answer"
                    time.sleep(0.5)
        yield [url for _process, url in started]
    finally:
        for process, _url in started:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.mark.django_db(transaction=True)  # committed: the servers must see it
def test_a_publish_through_one_server_is_served_fresh_by_the_other(servers):
    from methodbank.importing import import_methods
    from methodbank.models import MethodPage
    from tests.methodbank.factories import method_item

    a, b = servers
    import_methods([method_item()])
    page = MethodPage.objects.get(slug="test-metod", locale__language_code="sv")
    old_title, path = page.title, page.url
    for server in (a, b):  # both now hold the page in the shared page cache
        assert old_title in requests.get(server + path, timeout=60).text
    new_title = f"Publicerad via en annan server {uuid.uuid4().hex[:6]}"
    page.title = new_title
    page.save_revision().publish()
    for server in (a, b):
        assert new_title in requests.get(server + path, timeout=60).text
    page = MethodPage.objects.get(pk=page.pk)
    page.title = old_title
    page.save_revision().publish()
    assert old_title in requests.get(b + path, timeout=60).text


def _staff_session(server, username, password):
    session = requests.Session()
    session.get(server + "/admin/login/", timeout=30)
    response = session.post(
        server + "/admin/login/",
        data={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        headers={"Referer": server + "/admin/login/"},
        timeout=30,
    )
    assert response.ok and "sessionid" in session.cookies
    return session


def test_a_document_uploaded_through_one_server_is_served_by_the_other(servers, django_db_blocker):
    from django.contrib.auth import get_user_model
    from django.core.files.storage import default_storage
    from wagtail.documents import get_document_model

    a, b = servers
    username, password = f"uppladdare-{uuid.uuid4().hex[:6]}", uuid.uuid4().hex
    with django_db_blocker.unblock():
        user = get_user_model().objects.create_superuser(username, "u@example.org", password)
    content = f"Protokoll {uuid.uuid4().hex}\n".encode()
    document = None
    try:
        session = _staff_session(a, username, password)
        response = session.post(
            a + "/admin/documents/add/",
            data={
                "title": "Protokoll från server A",
                "collection": "1",
                "csrfmiddlewaretoken": session.cookies["csrftoken"],
            },
            files={"file": ("protokoll.txt", content, "text/plain")},
            headers={"Referer": a + "/admin/documents/add/"},
            timeout=30,
        )
        assert response.ok
        with django_db_blocker.unblock():
            document = get_document_model().objects.get(title="Protokoll från server A")
            # the file is in the object store, not on server A's disk
            with default_storage.open(document.file.name) as stored:
                assert stored.read() == content
            assert not (Path(settings.MEDIA_ROOT) / document.file.name).exists()
            url = document.url
        served = requests.get(b + url, timeout=30)
        assert served.status_code == 200 and served.content == content
    finally:
        with django_db_blocker.unblock():
            if document is not None:
                document.file.delete(save=False)
                document.delete()
            user.delete()


@pytest.mark.django_db(transaction=True)  # committed: the servers must see it
def test_private_documents_in_object_storage_are_only_served_through_the_document_view(servers):
    """The bucket is private: the storage's address without a signature is refused, and a
    document in a collection restricted to the members' group (as the member area's material
    is) is refused to anonymous visitors by Wagtail's view."""
    from django.contrib.auth.models import Group
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    from network.membership.models import MEMBERS_GROUP_NAME

    _a, b = servers
    collection = Collection.get_first_root_node().add_child(name="Medlemsmaterial")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=MEMBERS_GROUP_NAME))  # made by a migration
    document = get_document_model()(title="Endast för medlemmar", collection=collection)
    document.file.save("medlemmar.txt", ContentFile(b"hemligt"), save=True)
    try:
        unsigned = default_storage.url(document.file.name).split("?")[0]
        assert requests.get(unsigned, timeout=30).status_code == 403
        refused = requests.get(b + document.url, timeout=30, allow_redirects=False)
        assert refused.status_code in (302, 403) and b"hemligt" not in refused.content
    finally:
        document.file.delete(save=False)  # the object store is not flushed with the database


@pytest.mark.django_db  # makes pytest-django set up the test database for this file alone
def test_deleting_a_file_hands_no_secret_to_the_task_queue():
    """Wagtail passes the storage's constructor arguments to a task when a document is deleted
    (stored in the database with TASKS_QUEUE on): they must hold no credentials."""
    import json

    from django.core.files.storage import default_storage

    _path, args, kwargs = default_storage.deconstruct()
    assert "secret" not in json.dumps([args, kwargs]).lower()
