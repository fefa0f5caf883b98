from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembershipConfig(AppConfig):
    name = "network.membership"
    label = "membership"
    verbose_name = _("Närvaronätverket")

    def ready(self):
        from . import signals  # noqa: F401
