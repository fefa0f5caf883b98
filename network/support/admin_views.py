"""Team Domino's admin: the request list and triage (state changes)."""

from datetime import timedelta

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from kcsite.admin_tables import BadgeColumn, DateTimeColumn, PersonColumn, person_name
from kcsite.csvsafe import SafeCsvExportsViewSetMixin
from kcsite.vocabularies import SchoolForm

from .choices import FINAL_STATES, ServiceKind, State
from .forms import TransitionForm
from .models.requests import SupportRequest
from .services import triage
from .services.errors import SupportError

TEAM_GROUP = "Team Domino"


def team_members():
    return get_user_model().objects.filter(groups__name=TEAM_GROUP, is_active=True).distinct()


AGE_CHOICES = [
    ("7", _("Yngre än en vecka")),
    ("30", _("Yngre än 30 dagar")),
    ("older30", _("Äldre än 30 dagar")),
    ("older90", _("Äldre än 90 dagar")),
]


SHOW_CHOICES = [
    ("open", _("Öppna ärenden")),
    ("done", _("Avslutade, avböjda och återkallade")),
    ("all", _("Alla ärenden")),
]

#: How each state looks in the triage list (kcsite.admin_tables.BadgeColumn).
STATE_TONES = {
    State.NEW: "info",
    State.UNDER_ASSESSMENT: "waiting",
    State.BOOKED: "positive",
    State.PLANNED: "positive",
    State.IN_PROGRESS: "active",
    State.CLOSED: "neutral",
    State.DECLINED: "negative",
    State.REFERRED: "neutral",
    State.CANCELLED: "neutral",
}


class SupportRequestFilterSet(WagtailFilterSet):
    """Open requests by default: closed, declined and withdrawn ones are one choice away."""

    show = django_filters.ChoiceFilter(
        label=_("Visa"), choices=SHOW_CHOICES, method="filter_show", empty_label=None
    )
    state = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=State.choices, widget=forms.CheckboxSelectMultiple
    )
    service_kind = django_filters.ChoiceFilter(label=_("Tjänst"), choices=ServiceKind.choices)
    school_form = django_filters.ChoiceFilter(label=_("Skolform"), choices=SchoolForm.choices)
    assignee = django_filters.ModelChoiceFilter(
        label=_("Handläggare"), queryset=lambda request: team_members(), null_label=_("Ingen")
    )
    assignee.field_class = type(
        "PersonChoiceField",
        (assignee.field_class,),
        {"label_from_instance": staticmethod(person_name)},
    )
    age = django_filters.ChoiceFilter(label=_("Ålder"), choices=AGE_CHOICES, method="filter_age")

    class Meta:
        model = SupportRequest
        fields = ["show", "state", "service_kind", "school_form", "assignee"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("show"):
            data = data.copy()
            # A chosen status overrides the default of open requests only.
            data["show"] = "all" if data.get("state") else "open"
        super().__init__(data, *args, **kwargs)

    def filter_show(self, queryset, name, value):
        if value == "open":
            return queryset.exclude(state__in=FINAL_STATES)
        if value == "done":
            return queryset.filter(state__in=FINAL_STATES)
        return queryset

    def filter_age(self, queryset, name, value):
        now = timezone.now()
        if value == "7":
            return queryset.filter(created_at__gte=now - timedelta(days=7))
        if value == "30":
            return queryset.filter(created_at__gte=now - timedelta(days=30))
        if value == "older30":
            return queryset.filter(created_at__lt=now - timedelta(days=30))
        if value == "older90":
            return queryset.filter(created_at__lt=now - timedelta(days=90))
        return queryset


class SupportRequestEditView(EditView):
    """Edit assignee, first meeting and internal notes; shows the request and triage form."""

    template_name = "support/admin/request_edit.html"
    tracked_fields = ("assignee", "first_meeting_at")

    def save_instance(self):
        before = SupportRequest.objects.get(pk=self.object.pk)
        instance = super().save_instance()
        for name in self.tracked_fields:
            old, new = getattr(before, name), getattr(instance, name)
            if old != new:
                log(
                    instance,
                    "support.field_change",
                    user=self.request.user,
                    data={"field": name, "from": _describe(old), "to": _describe(new)},
                )
        if before.internal_notes != instance.internal_notes:
            log(instance, "support.notes_edited", user=self.request.user)
        return instance

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        support_request = self.object
        context["support_request"] = support_request
        context["additions"] = support_request.additions.all()
        context["transition_form"] = kwargs.get("transition_form") or TransitionForm(
            support_request=support_request
        )
        context["transition_url"] = self.request.resolver_match.namespace and _transition_url(
            support_request
        )
        return context


def _describe(value):
    if value is None:
        return ""
    if hasattr(value, "get_full_name"):
        return value.get_full_name() or value.get_username()
    if hasattr(value, "isoformat"):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return str(value)


def _transition_url(support_request):
    return reverse("support_requests:transition", args=[support_request.pk])


@require_POST
def transition_view(request, pk):
    if not request.user.has_perm("support.change_supportrequest"):
        raise PermissionDenied
    support_request = get_object_or_404(SupportRequest, pk=pk)
    form = TransitionForm(request.POST, support_request=support_request)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("support_requests:edit", pk)
    try:
        triage.change_state(
            support_request,
            form.cleaned_data["to_state"],
            user=request.user,
            expected_state=form.cleaned_data["expected_state"],
            reason=form.cleaned_data["reason"],
            first_meeting_at=form.cleaned_data["first_meeting_at"],
        )
    except SupportError as failure:
        messages.error(request, failure.message)
    else:
        messages.success(
            request,
            _("Status ändrad till ”%(state)s”. Beställaren får ett mejl om det.")
            % {"state": State(form.cleaned_data["to_state"]).label},
        )
    return redirect("support_requests:edit", pk)


class SupportRequestIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("assignee", "slot")


class SupportRequestViewSet(SafeCsvExportsViewSetMixin, ModelViewSet):
    model = SupportRequest
    icon = "help"
    menu_label = _("Förfrågningar")
    url_prefix = "support/requests"
    name = "support_requests"
    edit_view_class = SupportRequestEditView
    index_view_class = SupportRequestIndexView
    filterset_class = SupportRequestFilterSet
    search_fields = ["reference", "name", "email", "organisation", "description"]
    search_backend_name = None  # never index requesters in the search cluster
    copy_view_enabled = False
    list_per_page = 50
    list_display = [
        TitleColumn(
            "reference",
            label=_("Ärende"),
            url_name="support_requests:edit",
            classname="w-whitespace-nowrap",
        ),
        BadgeColumn("state", STATE_TONES, label=_("Status"), sort_key="state"),
        Column("service_kind", label=_("Tjänst"), accessor="get_service_kind_display"),
        Column("organisation", label=_("Skola eller enhet")),
        Column("school_form", label=_("Skolform"), accessor="get_school_form_display"),
        DateTimeColumn(
            "booked_time", label=_("Bokad tid"), accessor="booked_time", sort_key="booked_start"
        ),
        PersonColumn("assignee", label=_("Handläggare")),
        DateColumn("created_at", label=_("Inkommen"), sort_key="created_at"),
    ]
    list_export = [
        "reference",
        "service_kind",
        "state",
        "school_form",
        "school_type",
        "role",
        "organisation",
        "assignee",
        "created_at",
        "first_meeting_at",
        "closed_at",
    ]
    export_headings = {
        "reference": _("Ärende"),
        "service_kind": _("Tjänst"),
        "state": _("Status"),
        "school_form": _("Skolform"),
        "school_type": _("Huvudman"),
        "role": _("Roll"),
        "organisation": _("Skola eller enhet"),
        "assignee": _("Handläggare"),
        "created_at": _("Inkommen"),
        "first_meeting_at": _("Första möte"),
        "closed_at": _("Avslutad"),
    }
    form_fields = ["assignee", "first_meeting_at", "internal_notes"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("transition/<int:pk>/", transition_view, name="transition"),
        ]

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        base_init = form_class.__init__

        def __init__(form, *args, **kwargs):
            base_init(form, *args, **kwargs)
            if "assignee" in form.fields:
                form.fields["assignee"].queryset = team_members()
                form.fields["assignee"].label_from_instance = person_name

        form_class.__init__ = __init__
        return form_class
