from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "methodbank.library"
    label = "library"
    verbose_name = _("Kunskapsbank: filmer, forskning och kalkylator")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from kcsite.pages.caching import bump_generation

        from .models import Reference

        # A cited reference is part of the cached content of the pages citing it.
        for signal in (post_save, post_delete):
            signal.connect(bump_generation, sender=Reference, dispatch_uid="page-cache-reference")
