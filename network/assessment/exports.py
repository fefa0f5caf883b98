"""A school's result and plan to print or keep as a PDF: the profile table, the weakest areas
with the methods, trainings and Team Domino's service that fit, and the prefilled support
request as an address printed in full (paper has no buttons).

One template, ``assessment/print.html``, is both the print view and the PDF (kcsite.pdf); the
public views reach the assessment through its signed link, the admin's (shared results only)
through :mod:`.admin_aggregate`.
"""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kcsite import links
from kcsite.pdf import pdf_response, render_pdf
from kcsite.vocabularies import SchoolForm

from .services import links as assessment_links
from .services.results import result, signed_change


def _absolute(url):
    return links.absolute_url(url) if url else ""


def _action(action):
    return {
        "title": action.score.title,
        "mean": action.score.mean,
        "statements": action.statements,
        "comment": action.comment,
        "methods": [(page.title, _absolute(page.url)) for page in action.methods],
        "events": [
            (
                event.title,
                event.first_occasion.start if event.first_occasion else None,
                _absolute(event.url),
            )
            for event in action.events
        ],
        "service": (action.service_page.title, _absolute(action.service_page.url))
        if action.service_page
        else None,
        "request_url": _absolute(action.request_url),
    }


def _profile(outcome):
    """``[(AreaScore, AreaChange or None, the change as shown or "")]`` in the set's order
    (no change shown when the means as shown are the same)."""
    changes = {change.key: change for change in outcome.changes or ()}
    rows = []
    for score in outcome.scores:
        change = changes.get(score.key)
        shown = signed_change(change) if change else None
        rows.append((score, change, "" if not shown or shown.startswith("±") else shown))
    return rows


def print_context(assessment, *, pdf_url="", back_url="", back_label=""):
    """Everything the print template shows, as plain values (absolute addresses)."""
    outcome = result(assessment)
    completed = assessment.completed_at or assessment.created_at
    return {
        "assessment": assessment,
        "set_title": assessment.indicator_set.localized.title,
        "school_form": SchoolForm(assessment.school_form).label
        if assessment.school_form in SchoolForm.values
        else assessment.school_form,
        "completed": completed,
        "printed": timezone.now(),
        "profile": _profile(outcome),
        "actions": [_action(action) for action in outcome.actions],
        "changes": outcome.changes,
        "totals": {
            "answered": outcome.answered,
            "dont_know": outcome.dont_know,
            "unanswered": outcome.unanswered,
        },
        "pdf_url": pdf_url,
        "back_url": back_url,
        "back_label": back_label,
    }


def pdf_filename(assessment):
    completed = assessment.completed_at or assessment.created_at
    name = slugify(assessment.school_unit) or "skola"
    return f"hur-star-vi-oss-{name}-{formats.date_format(completed, 'Y-m-d')}.pdf"


def print_response(request, assessment, *, pdf_url="", back_url="", back_label=""):
    context = print_context(assessment, pdf_url=pdf_url, back_url=back_url, back_label=back_label)
    return render(request, "assessment/print.html", context)


def pdf_download(request, assessment):
    context = {**print_context(assessment), "for_pdf": True}
    data = render_pdf("assessment/print.html", context, request=request)
    return pdf_response(data, pdf_filename(assessment))


def _completed(request, token):
    """The completed assessment behind ``token``, or the response to give instead."""
    try:
        assessment = assessment_links.read(token)
    except links.LinkError as error:
        return None, links.problem_response(request, error)
    if not assessment.is_completed:
        return None, redirect(assessment_links.path_for(assessment, "resume"))
    return assessment, None


def print_view(request, token):
    assessment, other = _completed(request, token)
    if other is not None:
        return other
    return print_response(
        request,
        assessment,
        pdf_url=reverse("assessment:print_pdf", kwargs={"token": token}),
        back_url=reverse("assessment:result", kwargs={"token": token}),
        back_label=_("Tillbaka till resultatet"),
    )


def pdf_view(request, token):
    assessment, other = _completed(request, token)
    if other is not None:
        return other
    return pdf_download(request, assessment)
