"""The step of a routine template, as editors write it in the admin (one StreamField per tier)."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from ..taxonomy import PERFORMERS
from .content import TRIGGER_KINDS


class TemplateStepBlock(blocks.StructBlock):
    """One step: trigger (with editable thresholds), who, what, when, support and the duty."""

    trigger_kind = blocks.ChoiceBlock(label=_("Utlösare"), choices=TRIGGER_KINDS)
    percent = blocks.IntegerBlock(
        label=_("Gräns i procent"),
        required=False,
        min_value=1,
        max_value=100,
        help_text=_("Bara för ”frånvaro över en gräns under en period”, t.ex. 10."),
    )
    weeks = blocks.IntegerBlock(label=_("Antal veckor"), required=False, min_value=1, max_value=52)
    trigger_text = blocks.CharBlock(label=_("Utlösare i egna ord"), required=False, max_length=200)
    who = blocks.MultipleChoiceBlock(label=_("Vem"), choices=PERFORMERS, required=False)
    what = blocks.TextBlock(label=_("Vad"))
    when = blocks.CharBlock(
        label=_("När (tidsgräns)"),
        required=False,
        max_length=120,
        help_text=_("T.ex. ”samma dag” eller ”inom två veckor”."),
    )
    methods = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="methodbank.MethodPage"),
        label=_("Metoder som stöder steget"),
        default=[],
    )
    materials = blocks.TextBlock(label=_("Material"), required=False)
    documented = blocks.CharBlock(label=_("Var det dokumenteras"), required=False, max_length=200)
    follow_up = blocks.TextBlock(label=_("Uppföljning"), required=False)
    duty = blocks.CharBlock(
        label=_("Skyldighet enligt lag"),
        required=False,
        max_length=120,
        help_text=_("Paragrafen som källorna anger den, t.ex. ”7 kap. 19 § skollagen”."),
    )

    def clean(self, value):
        value = super().clean(value)
        if value["trigger_kind"] == "percent_over_weeks" and not (
            value["percent"] and value["weeks"]
        ):
            message = _("Ange både procent och antal veckor.")
            raise StructBlockValidationError(
                block_errors={"percent": ErrorList([ValidationError(message)])}
            )
        return value

    class Meta:
        icon = "list-ol"
        label = _("Steg")
