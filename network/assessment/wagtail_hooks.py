"""Registers the self-assessment with Wagtail: the indicator snippets and the retention rule.
The code lives in the modules named here."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from kcsite import retention

from .admin_aggregate import AggregateViewSet
from .admin_views import AssessmentGroup
from .services.retention import anonymise_expired

register_snippet(AssessmentGroup)
hooks.register(retention.HOOK, anonymise_expired)
hooks.register("register_admin_viewset", AggregateViewSet)
