"""Registers events with Wagtail: the registration list, its actions and log entries, the
participant pages, the dashboard panel and the home page area. The code lives in
:mod:`events.viewsets`, :mod:`events.admin_views` and :mod:`events.views`."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from . import admin_views, views, viewsets
from .models import Registration

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
