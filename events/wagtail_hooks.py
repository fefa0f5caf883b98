"""Registers events with Wagtail: the registration list, its actions and log entries, the
participant pages, the dashboard panel, the home page area and the retention function.
The code lives in :mod:`events.viewsets`, :mod:`events.admin_views`, :mod:`events.home` and
:mod:`events.services.retention`."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from kcsite import retention
from kcsite.staff_admin import no_add_in_admin

from . import admin_views, home, viewsets
from .models import Registration
from .services import workflow
from .services.retention import anonymise_expired

no_add_in_admin(Registration)  # the form registers people; the admin never adds one
register_snippet(viewsets.RegistrationViewSet)
viewsets.REGISTRATION_ACTIONS.register()
hooks.register("register_log_actions", workflow.register_log_actions, order=-1)  # before the kit
hooks.register("register_admin_urls", admin_views.admin_urls)
hooks.register("register_page_header_buttons", admin_views.participants_header_button)
admin_views.UPCOMING_PANEL.register()
hooks.register("home_page_areas", home.home_area)
hooks.register(retention.HOOK, anonymise_expired)
