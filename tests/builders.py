"""Builders every app's tests share: pages through Wagtail's API, translations, staff users.

The session database holds only the skeleton (see ``tests/conftest.py``); a test builds what it
needs on top of it with these functions, which go the way editors and the demo go (``add_child``,
a saved revision, ``publish``; translations with ``copy_for_translation``). App-specific
builders live in ``tests/<app>/factories.py`` and use these for the page tree.

factory-boy is not used: Wagtail pages are created through the tree API (``add_child``) and
published through revisions, which plain functions express more directly than factories.

    from tests import builders

    def test_something(db, client):
        page = builders.add_page(builders.home(), StandardPage(title="Om oss", slug="om-oss"))
        english = builders.translate(page, "en", title="About us")
"""

import io
import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backends

from kcsite.pages.demo_tools import Demo
from kcsite.pages.models import HomePage, SiteSettings
from kcsite.pages.site_address import base_url_host_and_port

SITE_NAME = "Kunskapscentrum för skolnärvaro"
HOME_TITLE = {
    "sv": "Kunskapscentrum för skolnärvaro",
    "en": "Knowledge Centre for School Attendance",
}
PASSWORD = "test-Password-123"  # the password of every user :func:`staff_user` creates
_DEMO = Demo(io.StringIO(), None)  # the demo's page helpers, without its progress output


def home(language_code="sv"):
    """The skeleton's home page in ``language_code`` (``sv``: the site root; ``en``: its
    translation at ``/en/``)."""
    return HomePage.objects.get(locale__language_code=language_code, depth=2)


def add_page(parent, page, *, body=None, publish=True):
    """Add ``page`` (an unsaved page instance) below ``parent`` in ``parent``'s locale, save a
    revision and publish it (``publish=False``: a draft that was never live). ``body``, a list
    of StreamField blocks as dicts, is stored as the demo stores it. Returns ``page``."""
    page.locale = parent.locale
    if body is not None:
        page.body = json.dumps(body)
    if not publish:
        page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
        refresh_search_index()
    return page


def refresh_search_index(model=Page):
    """On a search cluster, make what was just indexed of ``model`` searchable at once (the
    cluster makes new documents visible about once a second; a test searches sooner). No-op on
    the database backend."""
    for backend in get_search_backends(with_auto_update=True):
        if "database" not in type(backend).__module__:
            backend.get_index_for_model(model).refresh()


def ensure_page(parent, model, slug, **fields):
    """The published child of ``parent`` with ``slug``, created as ``model(**fields)`` if there
    is none (as the demo does). For pages a test needs once and other builders may need too,
    such as an app's index page: ``ensure_page(home(), EventIndexPage, "utbildningar",
    title="Utbildningar")`` from two factories gives one page. ``body`` as in :func:`add_page`."""
    return _DEMO.page(parent, model, slug, **fields)


def translate(page, language_code="en", **fields):
    """The published translation of ``page`` into ``language_code``, made as the demo makes it
    (``copy_for_translation`` with its parents, ``fields`` set, a slug from the title below the
    home page, a redirect from the Swedish-slug path). Returns the existing translation if any."""
    translated = _DEMO.translation(page, language_code, **fields)
    translated.refresh_from_db()  # the published slug and URL path
    refresh_search_index()
    return translated


def staff_user(username="redaktor", *, superuser=False, groups=(), **fields):
    """A staff user who can log in to the admin (password :data:`PASSWORD`), a superuser if
    asked, in the named ``groups`` (groups the migrations created, e.g. ``"Editors"``,
    ``"Moderators"``, ``"Team Domino"``, ``"Network members"``)."""
    user_model = get_user_model()
    fields.setdefault("email", f"{username}@example.org")
    if superuser:
        user = user_model.objects.create_superuser(username, password=PASSWORD, **fields)
    else:
        user = user_model.objects.create_user(username, password=PASSWORD, is_staff=True, **fields)
    if groups:
        user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def skeleton():
    """Build the skeleton every test may assume (idempotent; ``tests/conftest.py`` calls it once
    per session, ``tests/races.py`` after a transactional test's flush).

    On top of what the migrations create (Wagtail's root page, the ``sv`` default locale,
    groups, seeded vocabularies), it adds:

    * the ``en`` locale;
    * a published Swedish :class:`HomePage` (slug ``home``, no body) replacing Wagtail's
      "Welcome" placeholder, the root of the default :class:`Site` (named ``SITE_NAME``, with
      ``BASE_URL``'s host and port);
    * its published English translation at ``/en/``;
    * the default Site's empty :class:`SiteSettings` row (no footer contact details). Made
      here because ``SiteSettings.for_site`` creates it on the first page view, and saving it
      bumps the page-cache generation in the middle of a test.

    No other pages, no users.
    """
    Locale.objects.get_or_create(language_code="sv")
    Locale.objects.get_or_create(language_code="en")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or not isinstance(site.root_page.specific, HomePage):
        root = Page.get_first_root_node()
        placeholder = root.get_children().filter(slug="home").first()
        if placeholder is not None and placeholder.specific_class is Page:
            placeholder.delete()  # its Site row goes with it and is recreated below
        swedish = HomePage(
            title=HOME_TITLE["sv"], slug="home", locale=Locale.objects.get(language_code="sv")
        )
        root.add_child(instance=swedish)
        swedish.save_revision().publish()
        host, port = base_url_host_and_port()
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": host, "port": port, "root_page": swedish, "site_name": SITE_NAME},
        )
        Site.clear_site_root_paths_cache()
    translate(home("sv"), "en", title=HOME_TITLE["en"])
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
