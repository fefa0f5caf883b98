"""Registers Team Domino's support with Wagtail: admin views, menu, dashboard, log actions, the
consultation link the method finder shows and the retention function. The code lives in the
modules named here."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from kcsite import referrals, retention
from kcsite.staff_admin import no_add_in_admin

from . import log_actions
from .admin_availability import SupportViewSetGroup
from .admin_statistics import SUPPORT_PANEL, StatisticsMenuItem, statistics_view
from .models import SupportRequest, SupportServicePage
from .services.retention import anonymise_expired

# Requests come from the public form; retention anonymises them. Registered before any
# viewset asks for the model's policy.
no_add_in_admin(SupportRequest, also=("delete",))
SUPPORT_PANEL.register()

hooks.register("register_log_actions", log_actions.register_log_actions)
hooks.register("kc_consultation_url", SupportServicePage.consultation_form_path)
hooks.register(referrals.HOOK, SupportServicePage.request_form_path)
hooks.register(retention.HOOK, anonymise_expired)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return SupportViewSetGroup()


@hooks.register("register_admin_urls")
def register_urls():
    return [path("support/statistics/", statistics_view, name="support_statistics")]


@hooks.register("register_admin_menu_item")
def statistics_menu_item():
    return StatisticsMenuItem(
        _("Stödstatistik"), reverse("support_statistics"), icon_name="table", order=251
    )
