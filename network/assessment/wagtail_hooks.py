"""Registers the self-assessment with Wagtail: the indicator snippets and the retention rule.
The code lives in the modules named here."""

from wagtail.snippets.models import register_snippet

from .admin_views import AssessmentGroup

register_snippet(AssessmentGroup)
