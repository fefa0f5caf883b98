"""Public views of the knowledge library outside the page tree."""

import re

from django.http import JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from .forms import CalculatorForm

_PREFIX = re.compile(r"^kalk\d{1,3}$")


@require_GET
def calculator_result(request):
    """The calculator's answer as an HTML fragment (JSON), for the live update in library.js.

    The form works without JavaScript; this endpoint only lets the answer follow the typing.
    """
    prefix = request.GET.get("prefix", "")
    prefix = prefix if _PREFIX.match(prefix) else None
    form = CalculatorForm.from_query(request.GET, prefix=prefix)
    result = form.result()
    html = render_to_string(
        "library/includes/calculator_output.html",
        {
            "calculator_result": result,
            "calculator_comparison": form.comparison(),
            "calculator_form": form,
            "calculator_prefix": prefix or "",
            "live": True,
        },
        request=request,
    )
    return JsonResponse({"ok": result is not None, "html": html})
