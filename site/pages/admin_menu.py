"""The admin's "Sidor" menu opens at the site's home page, not at Wagtail's Root.

Root only holds the sites' home pages (and Wagtail's explanation of site roots), which is
nothing a Team Domino editor works with. Users whose permissions start lower keep Wagtail's
own start page.
"""

from django.urls import reverse
from wagtail.admin.ui.sidebar import PageExplorerMenuItem as PageExplorerMenuItemComponent
from wagtail.admin.wagtail_hooks import ExplorerMenuItem
from wagtail.models import Page, Site
from wagtail.permissions import policy_registry


def editor_start_page(request):
    """The page the explorer opens at for this user, or None when they may not explore."""
    explorable = policy_registry.get_by_type(Page).explorable_root_instance(request.user)
    if explorable is None:
        return None
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    home = site.root_page if site else None
    if home is not None and (home.pk == explorable.pk or home.is_descendant_of(explorable)):
        return home
    return explorable


class HomeExplorerMenuItem(ExplorerMenuItem):
    def get_context(self, request):
        context = super().get_context(request)
        start_page = editor_start_page(request)
        if start_page:
            context["start_page_id"] = start_page.id
        return context

    def render_component(self, request):
        start_page = editor_start_page(request)
        if not start_page:
            return super().render_component(request)
        return PageExplorerMenuItemComponent(
            self.name,
            self.label,
            reverse("wagtailadmin_explore", args=[start_page.id]),
            start_page.id,
            icon_name=self.icon_name,
            classname=self.classname,
        )


def replace_explorer_item(menu_items):
    """Swap Wagtail's explorer menu item for one that starts at the home page."""
    for index, item in enumerate(menu_items):
        if getattr(item, "name", None) == "explorer" and not isinstance(item, HomeExplorerMenuItem):
            menu_items[index] = HomeExplorerMenuItem(
                item.label,
                item.url,
                name=item.name,
                icon_name=item.icon_name,
                classname=item.classname,
                order=item.order,
                attrs=getattr(item, "attrs", None),
            )
