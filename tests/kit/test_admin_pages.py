"""An app's admin page (``kcsite.admin_pages``): its URL and its menu item, which only the people
the page is for see."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import admin_menu, reports_menu, settings_menu

from tests import builders

pytestmark = pytest.mark.django_db


def _urls(menu, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return [item.url for item in menu.menu_items_for_request(request)]


@pytest.mark.parametrize(
    "menu, url_name",
    [
        (admin_menu, "support_statistics"),
        (settings_menu, "outbox_failed"),
        (reports_menu, "search_terms_report"),
    ],
)
def test_the_menu_item_is_shown_only_to_whom_the_page_is_for(menu, url_name):
    url = reverse(url_name)
    assert url.startswith("/admin/")
    assert url in _urls(menu, builders.staff_user("chef", superuser=True))
    assert url not in _urls(menu, builders.staff_user("besokare", groups=("Network members",)))


def test_a_page_for_every_staff_member_is_in_everyones_menu():
    url = reverse("kc_two_factor")
    assert url in _urls(admin_menu, builders.staff_user("besokare", groups=("Network members",)))
