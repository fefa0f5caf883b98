"""Registers the foundation's admin parts: stylesheet, explorer start page, listing buttons."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages

from .admin_menu import replace_explorer_item
from .translation_buttons import replace_localize_listing_buttons

replace_localize_listing_buttons(hooks)


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("construct_main_menu")
def explorer_starts_at_home(request, menu_items):
    replace_explorer_item(menu_items)


@hooks.register("after_create_page")
def tell_about_abandoned_draft(request, page):
    """A new page moved past an autosaved draft's address (forms.KcPageForm): say so."""
    draft = getattr(page, "abandoned_draft", None)
    if draft is None:
        return
    messages.warning(
        request,
        _(
            "Adressen ”%(old)s” användes redan av ett opublicerat utkast, ”%(title)s”, som "
            "sparades automatiskt. Den nya sidan fick adressen ”%(new)s”. Öppna utkastet om du "
            "vill arbeta vidare i det, eller ta bort det om det inte behövs."
        )
        % {"old": draft.slug, "title": draft.draft_title or draft.title, "new": page.slug},
        buttons=[
            messages.button(
                reverse("wagtailadmin_pages:edit", args=[draft.pk]), _("Öppna utkastet")
            )
        ],
    )
