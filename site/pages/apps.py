from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "kcsite.pages"
    label = "pages"
    verbose_name = _("Sidor")

    def ready(self):
        from django.core.signals import request_finished, request_started
        from django.db.models import SlugField
        from django.db.models.signals import post_delete, post_save
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import Locale, Page, PageViewRestriction, Site
        from wagtail.signals import (
            page_published,
            page_slug_changed,
            page_unpublished,
            post_page_move,
        )

        from kcsite.catalogs import merge_all_catalogs

        from .caching import bump_generation, forget_per_request, remember_per_request
        from .models import SiteSettings
        from .slugs import AsciiSlugInput

        merge_all_catalogs()  # one dictionary per language instead of one per app (catalogs.py)
        # Slugs typed in the admin keep their letters as ASCII (å → a), see slugs.py.
        register_form_field_override(SlugField, override={"widget": AsciiSlugInput})

        request_started.connect(remember_per_request, dispatch_uid="page-cache-request-started")
        request_finished.connect(forget_per_request, dispatch_uid="page-cache-request-finished")
        # Everything that changes what an anonymous visitor sees: cached pages, menus and
        # the method bank's per-process memos must go.
        page_published.connect(bump_generation, dispatch_uid="page-cache-published")
        page_unpublished.connect(bump_generation, dispatch_uid="page-cache-unpublished")
        page_slug_changed.connect(bump_generation, dispatch_uid="page-cache-slug")
        post_page_move.connect(bump_generation, dispatch_uid="page-cache-moved")
        post_delete.connect(bump_generation, sender=Page, dispatch_uid="page-cache-deleted")
        # Documents and images appear in cached page content (a material's link and size, a
        # body's image renditions): an editor's change to one shows at once too.
        content_models = (get_document_model(), get_image_model())
        for model in (PageViewRestriction, Site, SiteSettings, Locale, *content_models):
            for signal in (post_save, post_delete):
                signal.connect(
                    bump_generation, sender=model, dispatch_uid=f"page-cache-{model.__name__}"
                )
