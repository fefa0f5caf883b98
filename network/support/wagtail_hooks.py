"""Registers Team Domino's support with Wagtail: admin views, menu, dashboard, log actions, the
consultation link the method finder shows and the retention function. The code lives in the
modules named here."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from kcsite import retention

from . import log_actions
from .admin_availability import SupportViewSetGroup
from .admin_statistics import StatisticsMenuItem, SupportPanel, statistics_view
from .admin_views import RequestsComeFromTheFormPolicy
from .models import SupportRequest, SupportServicePage
from .services.retention import anonymise_expired

# Registered before any viewset asks for the model's policy.
register_permission_policy(SupportRequest, RequestsComeFromTheFormPolicy(SupportRequest))

hooks.register("register_log_actions", log_actions.register_log_actions)
hooks.register("kc_consultation_url", SupportServicePage.consultation_form_path)
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


@hooks.register("construct_homepage_panels")
def add_support_panel(request, panels):
    if request.user.has_perm("support.view_supportrequest"):
        panels.append(SupportPanel())
