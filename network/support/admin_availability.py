"""Team Domino's bookable times and the weekly patterns that create them, in the admin."""

from datetime import timedelta

import django_filters
from django.contrib import messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .admin_views import SupportRequestViewSet
from .models.availability import AvailableSlot, WeeklyPattern
from .services.booking import generate_slots


class AvailableSlotFilterSet(WagtailFilterSet):
    withdrawn = django_filters.BooleanFilter(label=_("Återkallad"))

    class Meta:
        model = AvailableSlot
        fields = ["staff", "mode", "withdrawn"]


class AvailableSlotViewSet(ModelViewSet):
    model = AvailableSlot
    icon = "date"
    menu_label = _("Bokningsbara tider")
    url_prefix = "support/slots"
    name = "support_slots"
    filterset_class = AvailableSlotFilterSet
    search_fields = ["location"]
    search_backend_name = None
    list_display = [
        TitleColumn(
            "start", label=_("Starttid"), url_name="support_slots:edit", accessor="__str__"
        ),
        Column("mode", label=_("Form"), accessor="get_mode_display"),
        Column("staff", label=_("Medarbetare")),
        Column("withdrawn", label=_("Återkallad")),
        Column("is_booked", label=_("Bokad")),
    ]

    def get_queryset(self, request):
        return AvailableSlot.objects.filter(start__gte=timezone.now() - timedelta(days=1))


class GeneratingMixin:
    """Saving a weekly pattern creates its bookable times for the coming weeks at once."""

    def save_instance(self):
        instance = super().save_instance()
        created = generate_slots(patterns=[instance])
        if created:
            messages.info(
                self.request, _("%(count)s nya bokningsbara tider skapades.") % {"count": created}
            )
        return instance


class PatternCreateView(GeneratingMixin, CreateView):
    pass


class PatternEditView(GeneratingMixin, EditView):
    pass


class WeeklyPatternViewSet(ModelViewSet):
    model = WeeklyPattern
    add_view_class = PatternCreateView
    edit_view_class = PatternEditView
    icon = "repeat"
    menu_label = _("Veckomönster")
    url_prefix = "support/patterns"
    name = "support_patterns"
    list_display = ["__str__", "weeks_ahead", "active"]


class SupportViewSetGroup(ModelViewSetGroup):
    menu_label = _("Stöd (Team Domino)")
    menu_icon = "help"
    menu_order = 250
    items = (SupportRequestViewSet, AvailableSlotViewSet, WeeklyPatternViewSet)
