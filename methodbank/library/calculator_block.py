"""The absence calculator as a StreamField block.

Kept apart from :mod:`methodbank.library.blocks` (which imports the site's BaseStreamBlock) so
``kcsite.pages.blocks.BaseStreamBlock`` can import it without a circular import.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from . import calculator


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
        from .forms import CalculatorForm

        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        # Several calculators on one page each get their own field names (kalk1-percent, …).
        counter = getattr(request, "_library_calculators", 0) + 1 if request else 1
        if request is not None:
            request._library_calculators = counter
        prefix = f"kalk{counter}"
        query = request.GET if request is not None else {}
        form = CalculatorForm.from_query(query, prefix=prefix)
        if not form.is_bound:
            form.initial["period"] = value.get("period") or calculator.DEFAULT_PERIOD
        context.update(
            calculator_form=form,
            calculator_result=form.result(),
            calculator_comparison=form.comparison(),
            calculator_prefix=prefix,
            calculator_action=request.path if request is not None else "",
        )
        return context
