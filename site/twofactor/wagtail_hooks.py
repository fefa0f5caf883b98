from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import two_factor


@hooks.register("register_admin_urls")
def register_urls():
    return [path("tvastegsverifiering/", two_factor, name="kc_two_factor")]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return MenuItem(
        _("Tvåstegsverifiering"), reverse("kc_two_factor"), icon_name="key", order=10000
    )
