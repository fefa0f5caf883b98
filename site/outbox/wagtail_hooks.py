from django.utils.translation import gettext_lazy as _

from kcsite.admin_pages import register_admin_page

from .admin import FAILED_MAIL_PANEL, OUTBOX_ACTIONS, PERMISSION
from .views import failed_view

OUTBOX_ACTIONS.register()
FAILED_MAIL_PANEL.register()
register_admin_page(
    "e-post/misslyckade/",
    failed_view,
    name="outbox_failed",
    label=_("E-post som inte kom fram"),
    icon="mail",
    order=900,
    menu="settings",
    shown_to=lambda user: user.has_perm(PERMISSION),
)
