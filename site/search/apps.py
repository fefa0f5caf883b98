from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteSearchConfig(AppConfig):
    name = "kcsite.search"
    label = "sitesearch"
    verbose_name = _("Webbplatssök")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from kcsite.pages.caching import bump_generation

        from .models import SearchSynonym

        # An edited synonym changes search results: cached pages (the finder's) must go.
        post_save.connect(bump_generation, sender=SearchSynonym, dispatch_uid="synonym-saved")
        post_delete.connect(bump_generation, sender=SearchSynonym, dispatch_uid="synonym-deleted")
