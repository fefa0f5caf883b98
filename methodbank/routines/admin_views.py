"""The admin: routine templates (a snippet) and the routines schools shared with Team Domino.

Only routines whose school ticked "Dela med Team Domino" are listed or shown, read-only; the
others are not reachable from the admin at all. Each shared routine has the button "Öppna
konsultationsförfrågan": Team Domino's own support request form with the routine as the need.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from kcsite.pagination import paginate

from .gaps import find_gaps
from .models import Routine, RoutineTemplate
from .pages import read_context
from .services import building, sharing

PERMISSION = "routines.view_routine"


class TemplateViewSet(SnippetViewSet):
    model = RoutineTemplate
    icon = "list-ol"
    menu_label = _("Rutinmallar")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["name", "published", "updated_at"]
    list_filter = ["published"]


class PermittedMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


def _check(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def shared_routines():
    return Routine.objects.filter(shared_with_team=True, anonymised_at__isnull=True)


def index_view(request):
    _check(request)
    page = paginate(shared_routines().order_by("-updated_at"), request.GET.get("p"), 50)
    return render(request, "routines/admin/index.html", {"page_obj": page})


def detail_view(request, pk):
    _check(request)
    routine = get_object_or_404(shared_routines(), pk=pk)
    context = read_context(routine)
    context["gaps"] = find_gaps(context["content"], building.template_duties(routine.template))
    context["consultation_url"] = sharing.consultation_url(routine)
    return render(request, "routines/admin/detail.html", context)


class SharedRoutineViewSet(ViewSet):
    icon = "list-ol"
    menu_label = _("Delade rutiner")
    add_to_admin_menu = True
    menu_order = 265
    menu_item_class = PermittedMenuItem

    def get_urlpatterns(self):
        return [
            path("", index_view, name="index"),
            path("<int:pk>/", detail_view, name="detail"),
        ]
