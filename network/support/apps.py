from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "network.support"
    label = "support"
    verbose_name = _("Stöd från Team Domino")
