from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from kcsite import retention
from kcsite.admin_pages import register_admin_page

from . import stats
from .admin_views import can_see_report, search_terms_report
from .models import SearchSynonym

register_snippet(SearchSynonym)
hooks.register(retention.HOOK, stats.purge_expired)


register_admin_page(
    "reports/sokord/",
    search_terms_report,
    name="search_terms_report",
    label=_("Sökord"),
    icon="search",
    order=1100,
    menu="reports",
    shown_to=can_see_report,
)
