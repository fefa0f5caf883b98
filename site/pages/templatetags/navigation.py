"""Navigation built from the page tree: menu, breadcrumbs and the language switcher."""

from django import template
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

register = template.Library()


def _home_for_language(request):
    site = Site.find_for_request(request) if request else None
    root = site.root_page if site else Page.objects.filter(depth=2).first()
    if root is None:
        return None
    locale = Locale.objects.filter(language_code=get_language()).first()
    if locale and root.locale_id != locale.id:
        return root.get_translation_or_none(locale) or root
    return root


@register.simple_tag(takes_context=True)
def home_page(context):
    return _home_for_language(context.get("request"))


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Menu pages under the home page, each with ``current``: "page" for the page being shown,
    "true" for its section, "" otherwise (used for ``aria-current``)."""
    home = _home_for_language(context.get("request"))
    if home is None:
        return []
    page = context.get("page")
    items = []
    for item in home.get_children().live().public().in_menu():
        current = ""
        if isinstance(page, Page):
            if item.pk == page.pk:
                current = "page"
            elif page.path.startswith(item.path):
                current = "true"
        items.append({"page": item, "current": current})
    return items


@register.simple_tag
def breadcrumbs(page):
    """Ancestors of ``page`` from the home page down, without the tree root."""
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gte=2).specific())


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the translation of this page when it exists, else the home page."""
    request = context.get("request")
    page = context.get("page")
    links = []
    for locale in Locale.objects.order_by("id"):
        target = None
        if isinstance(page, Page):
            translation = page.get_translation_or_none(locale)
            if translation and translation.live:
                target = translation.get_url(request)
            if target is None:
                home = _home_for_language(request)
                home_translation = home.get_translation_or_none(locale) if home else None
                target = home_translation.get_url(request) if home_translation else "/"
        elif request is not None:
            target = translate_url(request.get_full_path(), locale.language_code)
        links.append(
            {
                "code": locale.language_code,
                "name": get_language_info(locale.language_code)["name_local"].capitalize(),
                "url": target or "/",
                "current": locale.language_code == get_language(),
            }
        )
    return links
