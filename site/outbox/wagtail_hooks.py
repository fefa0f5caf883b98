from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from kcsite import mail

from .views import PERMISSION, failed_view


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


class FailedMailPanel(Component):
    name = "failed_mail"
    order = 50
    template_name = "outbox/dashboard_panel.html"

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count}


@hooks.register("construct_homepage_panels")
def add_failed_mail_panel(request, panels):
    if request.user.has_perm(PERMISSION):
        count = mail.failed_count()
        if count:
            panels.append(FailedMailPanel(count))
