"""Registers the foundation's admin parts: the admin stylesheet and the explorer start page."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .admin_menu import replace_explorer_item


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("construct_main_menu")
def explorer_starts_at_home(request, menu_items):
    replace_explorer_item(menu_items)
