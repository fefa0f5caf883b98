"""Navigation built from the page tree: menu, breadcrumbs and the language switcher."""

from django import template
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

from kcsite.pages.localising import foreign_code, foreign_language, language_of

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
    """One link per language: the translation of this page when it exists. A page without one
    keeps the visitor on the page (``missing``: the header then says in the other language
    that the page exists only in its own)."""
    request = context.get("request")
    page = context.get("page")
    links = []
    for locale in Locale.objects.order_by("id"):
        target = None
        missing = False
        if isinstance(page, Page):
            translation = page.get_translation_or_none(locale)
            if translation and translation.live:
                target = translation.get_url(request)
            if target is None:
                missing = True
                target = "#language-note-" + locale.language_code
        elif request is not None:
            target = translate_url(request.get_full_path(), locale.language_code)
        links.append(
            {
                "code": locale.language_code,
                "name": get_language_info(locale.language_code)["name_local"].capitalize(),
                "url": target or "/",
                "current": locale.language_code == get_language(),
                "missing": missing,
                "home": _home_url(request, locale) if missing else "",
                "page_language": language_of(page) if missing else "",
            }
        )
    return links


def _home_url(request, locale):
    home = _home_for_language(request)
    translation = home.get_translation_or_none(locale) if home else None
    return translation.get_url(request) if translation else "/"


@register.simple_tag
def page_language(page):
    """``{"code", "label"}`` when ``page`` is not in the active language (for ``lang`` and the
    "in Swedish" label on cards), else None."""
    return foreign_language(page) if isinstance(page, Page) else None


@register.simple_tag
def text_language(code):
    """The same for a text whose language is stored as a code (a reference's ``language``)."""
    return foreign_code(code)


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    """The page's absolute address, from the site root paths this request already read
    (``page.full_url`` asks the cache for them again); empty for anything but a page."""
    return page.get_full_url(request=context.get("request")) if isinstance(page, Page) else ""
