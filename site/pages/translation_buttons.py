"""wagtail-localize's "Translate this page" / "Sync translated pages" listing buttons, batched.

wagtail-localize asks the database three questions per row of the page explorer (which locales
the page is in, its translation source, whether that has translations): 150 queries for a page
of 50 methods, most of the method bank listing's time. This version answers them for all the
siblings at once (three queries per listing, kept on the request's user object for the rest
of the request) and shows the same buttons under the same conditions.
"""

from collections import defaultdict
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

_CACHE = "_kc_translation_state"
# wagtail-localize's own msgids, translated by its catalogue (an alias keeps them out of ours).
localize_text = gettext


def _sibling_state(page, user):
    """(all locale ids, {translation_key: locale ids}, {translation_key: source id})."""
    cache = user.__dict__.setdefault(_CACHE, {})
    key = (page.path[: -Page.steplen], page.depth, page.locale_id)
    if key not in cache:
        siblings = Page.objects.filter(path__startswith=key[0], depth=page.depth)
        keys = siblings.values("translation_key")
        locales = set(Locale.objects.values_list("pk", flat=True))
        translated = defaultdict(set)
        rows = Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
        for translation_key, locale_id in rows.values_list("translation_key", "locale_id"):
            translated[translation_key].add(locale_id)
        sources = TranslationSource.objects.filter(
            object__translation_key__in=keys,
            object__content_type=ContentType.objects.get_for_model(Page),
            locale_id=page.locale_id,
            translations__enabled=True,
        ).values_list("object__translation_key", "pk")
        cache[key] = (locales, translated, dict(sources))
    return cache[key]


def translation_listing_buttons(page, user, view_name=None, next_url=None):
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    locales, translated, sources = _sibling_state(page, user)
    if locales - translated.get(page.translation_key, set()):
        yield ListingButton(
            localize_text("Translate this page"),
            reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id]),
            priority=60,
            icon_name="wagtail-localize-language",
        )
    source_id = sources.get(page.translation_key)
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(
            localize_text("Sync translated pages"), url, priority=60, icon_name="resubmit"
        )


def replace_localize_listing_buttons(hooks_module):
    """Swap wagtail-localize's per-row listing hook for the batched one (header buttons stay)."""
    from wagtail_localize import wagtail_hooks as localize_hooks  # registers its hooks first

    name = "register_page_listing_more_buttons"
    registered = hooks_module._hooks.get(name, [])
    hooks_module._hooks[name] = [
        (fn, order)
        for fn, order in registered
        if fn is not localize_hooks.page_listing_more_buttons
    ]
    hooks_module.register(name, translation_listing_buttons)
