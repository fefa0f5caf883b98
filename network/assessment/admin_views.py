"""The self-assessment's indicators in the admin: sets, areas and statements as snippets.

Other admin views of the app (the aggregate) join the same menu with
``menu_hook = ASSESSMENT_MENU_HOOK``.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.models import Locale
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from events.models.choices import EventType

from .models import Area, IndicatorSet, Statement

ASSESSMENT_MENU_HOOK = "register_assessment_menu_item"


class StatementForm(WagtailAdminModelForm):
    """Event types are a JSON list on the model and checkboxes for editors."""

    event_types = forms.MultipleChoiceField(
        label=_("Utbildningar av typen"),
        help_text=_("Kommande evenemang av de här typerna föreslås när påståendet är svagt."),
        choices=EventType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "methods" in self.fields:
            # The originals (translations follow them on the result page), by title.
            methods = self.fields["methods"]
            methods.widget = forms.CheckboxSelectMultiple()
            methods.queryset = methods.queryset.filter(locale=Locale.get_default()).order_by(
                "title"
            )


class IndicatorSetViewSet(SnippetViewSet):
    model = IndicatorSet
    icon = "list-ul"
    menu_label = _("Indikatoruppsättningar")
    list_display = ["title", "is_active", "created_at"]


class AreaViewSet(SnippetViewSet):
    model = Area
    icon = "folder-inverse"
    menu_label = _("Områden")
    list_display = ["title", "key", "indicator_set", "order"]
    list_filter = ["indicator_set"]


class StatementViewSet(SnippetViewSet):
    model = Statement
    icon = "tick"
    menu_label = _("Påståenden")
    list_display = ["text", "key", "area", "service_kind"]
    list_filter = ["area__indicator_set", "area__key"]
    search_fields = ["text", "key"]
    search_backend_name = None
    edit_handler = ObjectList(Statement.panels, base_form_class=StatementForm)


class AssessmentGroup(SnippetViewSetGroup):
    items = (IndicatorSetViewSet, AreaViewSet, StatementViewSet)
    menu_icon = "list-ul"
    menu_label = _("Självskattning")
    menu_name = "assessment"
    submenu_hook = ASSESSMENT_MENU_HOOK
    menu_order = 260
