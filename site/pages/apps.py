from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "kcsite.pages"
    label = "pages"
    verbose_name = _("Sidor")

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished

        from .caching import bump_generation

        page_published.connect(bump_generation, dispatch_uid="page-cache-published")
        page_unpublished.connect(bump_generation, dispatch_uid="page-cache-unpublished")
        post_delete.connect(bump_generation, sender=Page, dispatch_uid="page-cache-deleted")
