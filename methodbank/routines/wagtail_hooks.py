from wagtail import hooks
from wagtail.snippets.models import register_snippet

from kcsite import retention

from .admin_views import SharedRoutineViewSet, TemplateViewSet
from .services import retention as routine_retention

register_snippet(TemplateViewSet)
hooks.register("register_admin_viewset", lambda: SharedRoutineViewSet("shared_routines"))


@hooks.register(retention.HOOK)
def anonymise_routines(now):
    """Routines nobody saved for INACTIVE_DAYS: creator e-mail and role contacts blanked."""
    return routine_retention.anonymise_expired(now)
