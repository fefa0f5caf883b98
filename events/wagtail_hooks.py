"""Registers events with Wagtail: the registration list, its actions and log entries, the
participant pages, the dashboard panel, the home page area and the retention function.
The code lives in :mod:`events.viewsets`, :mod:`events.admin_views`, :mod:`events.views` and
:mod:`events.services.retention`."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from kcsite import retention

from . import admin_views, views, viewsets
from .models import Registration
from .services.retention import anonymise_expired

register_permission_policy(Registration, viewsets.NoAddPermissionPolicy(Registration))
register_snippet(viewsets.RegistrationViewSet)
for action in viewsets.BULK_ACTIONS:
    hooks.register("register_bulk_action", action)
hooks.register("register_snippet_listing_buttons", viewsets.registration_buttons)
hooks.register("register_log_actions", viewsets.register_log_actions)
hooks.register("register_admin_urls", admin_views.admin_urls)
hooks.register("register_page_header_buttons", admin_views.participants_header_button)
hooks.register("construct_homepage_panels", admin_views.upcoming_events_panel)
hooks.register("home_page_areas", views.home_area)
hooks.register(retention.HOOK, anonymise_expired)
