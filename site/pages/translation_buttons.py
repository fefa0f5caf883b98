"""wagtail-localize's "Translate this page" / "Sync translated pages" listing buttons, answered
by the listing's own query.

wagtail-localize asks the database two questions per row of the page explorer (is there a
locale the page is not translated into; is it the source of enabled translations): 100
queries for a page of 50 methods. Here the explorer's queryset carries both answers as
annotations (the ``construct_explorer_page_queryset`` hook), so the database answers them in
the listing's one query, for the 50 rows it shows and no others. A listing without them (the
admin's page search, which has no such hook) asks per row, as wagtail-localize does, with one
question fewer where Wagtail's own annotation already answers it. The buttons and their
conditions are wagtail-localize's.
"""

from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

#: The annotations: a locale without a translation (aliases are not translations), and the
#: id of the page's translation source when it has enabled translations.
UNTRANSLATED = "_kc_has_untranslated_locale"
SYNC_SOURCE = "_kc_sync_source_id"
# wagtail-localize's own msgids, translated by its catalogue (an alias keeps them out of ours).
localize_text = gettext


def _untranslated_locales(translation_key):
    translated = Page.objects.filter(translation_key=translation_key, alias_of__isnull=True).values(
        "locale_id"
    )
    return Locale.objects.exclude(id__in=translated)


def _sync_sources(translation_key, locale_id):
    return TranslationSource.objects.filter(
        object_id=translation_key,
        object__content_type=ContentType.objects.get_for_model(Page),
        locale_id=locale_id,
        translations__enabled=True,
    ).values("pk")


def annotate_translation_state(parent_page, pages, request):
    """``construct_explorer_page_queryset``: both answers as annotations of the listing."""
    return pages.annotate(
        **{
            UNTRANSLATED: Exists(_untranslated_locales(OuterRef(OuterRef("translation_key")))),
            SYNC_SOURCE: Subquery(
                _sync_sources(OuterRef("translation_key"), OuterRef("locale_id"))[:1]
            ),
        }
    )


def _state(page):
    """(has an untranslated locale, sync source id or None) from the annotations, else asked.

    Unannotated, Wagtail's own ``_has_untranslated_locale`` (every page listing has it) saves
    the first question when it is true: then a locale lacks even an alias of the page."""
    if hasattr(page, UNTRANSLATED):
        return getattr(page, UNTRANSLATED), getattr(page, SYNC_SOURCE)
    untranslated = getattr(page, "_has_untranslated_locale", False) or (
        _untranslated_locales(page.translation_key).exists()
    )
    source = _sync_sources(page.translation_key, page.locale_id).first()
    return untranslated, source["pk"] if source else None


def translation_listing_buttons(page, user, view_name=None, next_url=None):
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    untranslated, source_id = _state(page)
    if untranslated:
        yield ListingButton(
            localize_text("Translate this page"),
            reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id]),
            priority=60,
            icon_name="wagtail-localize-language",
        )
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(
            localize_text("Sync translated pages"), url, priority=60, icon_name="resubmit"
        )


def replace_localize_listing_buttons(hooks_module):
    """Swap wagtail-localize's per-row listing hook for this one (header buttons stay), and
    annotate the explorer's listing with the answers it needs."""
    from wagtail_localize import wagtail_hooks as localize_hooks  # registers its hooks first

    name = "register_page_listing_more_buttons"
    registered = hooks_module._hooks.get(name, [])
    hooks_module._hooks[name] = [
        (fn, order)
        for fn, order in registered
        if fn is not localize_hooks.page_listing_more_buttons
    ]
    hooks_module.register(name, translation_listing_buttons)
    hooks_module.register("construct_explorer_page_queryset", annotate_translation_state)
