"""The test harness itself: the skeleton every test may assume, the builders, the race harness,
and that a transactional test leaves the skeleton behind for the tests after it."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site

from kcsite.pages.models import HomePage, StandardPage
from tests import builders
from tests.races import in_own_connection, race


@pytest.mark.django_db
def test_the_skeleton_is_two_home_pages_in_a_site():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"sv", "en"}
    assert Locale.get_default().language_code == "sv"
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == builders.home("sv")
    assert site.site_name == builders.SITE_NAME
    assert Page.objects.filter(depth__gte=2).count() == 2  # the home page and its translation
    english = builders.home("en")
    assert english.live and english.translation_key == builders.home("sv").translation_key
    assert {"Editors", "Moderators", "Team Domino"} <= set(
        Group.objects.values_list("name", flat=True)
    )


@pytest.mark.django_db
def test_builders_add_publish_and_translate_pages(client):
    page = builders.add_page(
        builders.home(), StandardPage(title="Om oss", slug="om-oss", intro="Vilka vi är.")
    )
    draft = builders.add_page(
        builders.home(), StandardPage(title="Utkast", slug="utkast"), publish=False
    )
    english = builders.translate(page, "en", title="About us")
    assert page.live and page.url == "/om-oss/"
    assert not draft.live and client.get("/utkast/").status_code == 404
    assert english.url == "/en/about-us/" and client.get(english.url).status_code == 200
    editor = builders.staff_user("ed", groups=["Editors"])
    assert editor.check_password(builders.PASSWORD)
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200  # the Editors group may use the admin


def _title_of_first_child():
    return Page.objects.get(depth=2, locale__language_code="sv").get_children().first().title


@pytest.mark.django_db(transaction=True)
def test_a_race_commits_and_collects_results_and_errors():
    home = builders.home()
    in_own_connection(lambda: builders.add_page(home, StandardPage(title="Delad", slug="delad")))

    def one(index):
        if index % 2:
            raise ValueError(index)
        return _title_of_first_child()  # committed data: every thread sees it

    outcome = race(one, 6)
    assert outcome.results == ["Delad"] * 3
    assert sorted(error.args[0] for error in outcome.errors) == [1, 3, 5]


@pytest.mark.django_db
def test_the_skeleton_is_back_after_a_transactional_test():
    """Runs after the transactional test above (pytest-django orders those last, so this one is
    transactional too): the flush emptied the database, the harness restored the skeleton."""
    assert not StandardPage.objects.filter(slug="delad").exists()
    assert HomePage.objects.count() == 2
    assert Site.objects.get(is_default_site=True).root_page.specific == builders.home()
