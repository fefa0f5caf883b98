from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from kcsite import retention

from . import stats
from .admin_views import can_see_report, search_terms_report
from .models import SearchSynonym

register_snippet(SearchSynonym)
hooks.register(retention.HOOK, stats.purge_expired)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/sokord/", search_terms_report, name="search_terms_report")]


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return SearchTermsMenuItem(
        _("Sökord"),
        reverse("search_terms_report"),
        name="search-terms",
        icon_name="search",
        order=1100,
    )
