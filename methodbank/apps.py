from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodbankConfig(AppConfig):
    name = "methodbank"
    verbose_name = _("Metodbank")
