"""StreamField blocks of the knowledge library: the site's blocks plus the absence calculator."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from kcsite.pages.blocks import BaseStreamBlock

from . import calculator
from .calculator_form import calculator_context


class CalculatorBlock(blocks.StructBlock):
    """The absence calculator inside any page body. Works without JavaScript (a GET form)."""

    heading = blocks.CharBlock(
        label=_("Rubrik"),
        max_length=120,
        required=False,
        default=_("Räkna om frånvaro till skoldagar"),
    )
    text = blocks.TextBlock(label=_("Text"), required=False)
    period = blocks.ChoiceBlock(
        label=_("Förvald period"),
        choices=calculator.PERIOD_CHOICES,
        default=calculator.DEFAULT_PERIOD,
    )

    class Meta:
        icon = "table"
        label = _("Frånvarokalkylator")
        template = "library/blocks/calculator.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        # Several calculators on one page each get their own field names (kalk1-percent, …).
        counter = getattr(request, "_library_calculators", 0) + 1 if request else 1
        if request is not None:
            request._library_calculators = counter
        context.update(
            calculator_context(
                request.GET if request is not None else {},
                prefix=f"kalk{counter}",
                action=request.path if request is not None else "",
                period=value.get("period") or calculator.DEFAULT_PERIOD,
            )
        )
        return context


class LibraryStreamBlock(BaseStreamBlock):
    """The site's shared blocks plus the absence calculator."""

    calculator = CalculatorBlock()
