"""One admin page of an app: its URL under ``/admin/`` and its menu item, registered together.

In the app's ``wagtail_hooks.py``::

    register_admin_page(
        "support/statistics/", statistics_view, name="support_statistics",
        label=_("Stödstatistik"), icon="table", order=251,
        shown_to=lambda user: user.has_perm("support.view_supportrequest"),
    )

``menu`` is ``"main"`` (the admin's menu), ``"settings"`` (*Inställningar*) or ``"reports"``
(*Rapporter*). ``shown_to(user)`` decides who sees the menu item (everyone by default); the view
still checks its own permission.
"""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

MENU_HOOKS = {
    "main": "register_admin_menu_item",
    "settings": "register_settings_menu_item",
    "reports": "register_reports_menu_item",
}


class AdminPageMenuItem(MenuItem):
    def __init__(self, *args, shown_to=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request):
        return self.shown_to is None or self.shown_to(request.user)


def register_admin_page(route, view, *, name, label, icon, order, menu="main", shown_to=None):
    """Register ``view`` at ``/admin/<route>`` as URL ``name`` and its item in ``menu``."""
    hooks.register("register_admin_urls", lambda: [path(route, view, name=name)])
    hooks.register(
        MENU_HOOKS[menu],
        lambda: AdminPageMenuItem(
            label, reverse(name), icon_name=icon, order=order, shown_to=shown_to
        ),
    )
