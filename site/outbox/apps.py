from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "kcsite.outbox"
    label = "outbox"
    verbose_name = _("Utgående e-post")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Each app's ``mails.py`` registers the messages it sends (see kcsite.mail).
        autodiscover_modules("mails")
