"""Registers the foundation's admin parts: stylesheet, explorer start page, listing buttons."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .admin_menu import replace_explorer_item
from .translation_buttons import replace_localize_listing_buttons

replace_localize_listing_buttons(hooks)


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("construct_main_menu")
def explorer_starts_at_home(request, menu_items):
    replace_explorer_item(menu_items)
