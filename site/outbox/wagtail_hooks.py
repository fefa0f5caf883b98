from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin import FAILED_MAIL_PANEL, OUTBOX_ACTIONS, PERMISSION
from .views import failed_view

OUTBOX_ACTIONS.register()
FAILED_MAIL_PANEL.register()


@hooks.register("register_admin_urls")
def register_urls():
    return [path("e-post/misslyckade/", failed_view, name="outbox_failed")]


class FailedMailMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_settings_menu_item")
def failed_mail_menu_item():
    return FailedMailMenuItem(
        _("E-post som inte kom fram"), reverse("outbox_failed"), icon_name="mail", order=900
    )
