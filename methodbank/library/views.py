"""Views of the knowledge library: the calculator's live answer, and what the library pages
route to (the page models call these; this module never imports them)."""

import re

from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from . import services
from .calculator_form import CalculatorForm, calculator_context
from .models.references import Reference

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


def calculator_page_context(page, request):
    return calculator_context(request.GET, action=page.get_url(request))


def film_library_context(page, request):
    return services.film_listing(page, request.GET)


def _download(export):
    response = HttpResponse(export.text, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    return response


def reference_library(page, request):
    """The reference library's listing (search, filters, sort, pages)."""
    context = page.get_context(request)
    context.update(services.reference_listing(request.GET))
    for reference in context["page_obj"].object_list:
        reference._library_page = page
    context["export_ris_url"] = page.url + page.reverse_subpage("export_ris")
    context["export_bibtex_url"] = page.url + page.reverse_subpage("export_bibtex")
    return page.render(request, context_overrides=context)


def reference_library_export(page, request, fmt):
    """Every reference the listing's filters select, as one download."""
    listing = services.reference_listing(request.GET, paged=False)
    return _download(services.export_references(listing["references"], fmt, "referenser"))


def reference_detail(page, request, pk):
    """One reference's own page: citation, abstract, who cites it, its exports."""
    reference = get_object_or_404(Reference, pk=pk)
    context = page.get_context(request)
    context.update(
        reference=reference,
        citing_films=reference.citing_films(),
        citing_methods=services.citing_methods(reference),
        canonical_url=page.full_url
        + page.reverse_subpage("reference", kwargs={"pk": reference.pk, "slug": reference.slug}),
        export_ris_url=page.url
        + page.reverse_subpage("reference_export", kwargs={"pk": reference.pk, "fmt": "ris"}),
        export_bibtex_url=page.url
        + page.reverse_subpage("reference_export", kwargs={"pk": reference.pk, "fmt": "bibtex"}),
    )
    return page.render(request, context_overrides=context, template="library/reference_detail.html")


def reference_export(request, pk, fmt):
    reference = get_object_or_404(Reference, pk=pk)
    return _download(services.export_references([reference], fmt, f"referens-{reference.pk}"))
