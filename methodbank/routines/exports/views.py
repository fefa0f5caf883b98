"""The routine's outputs: print view, PDF, Word file, one page per role, guardians' summary.

Every view is reached with the routine's edit link or its read-only share link (the token in
the address); both give the same outputs and neither changes anything (GET only). The pages a
school hands on — a role's sheet, the guardians' summary — move an edit link to the share link
(a redirect), so an address copied from them can never edit the routine. A link that
does not work gets the site's one problem page. The answers carry ``Cache-Control: private,
no-store`` and ``Referrer-Policy: no-referrer``: the address is a key to the routine.
"""

from functools import wraps

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from kcsite.links import LinkError, problem_response
from kcsite.pdf import pdf_response, render_pdf

from .access import open_routine
from .document import build_document
from .guardians import guardian_summary
from .word import build_docx

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}  # each in its own language
PRIVATE = ("print", "pdf", "docx")  # the outputs that keep the token they were opened with


def _private(response):
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _urls(access):
    urls = {name: reverse(f"routines:{name}", args=[access.token]) for name in PRIVATE}
    urls["guardians"] = reverse("routines:guardians", args=[access.share_token])
    return urls


def _context(access):
    doc = build_document(access.routine.routine_content(), version=access.routine.version)
    roles = [
        {
            "role": role,
            "count": doc.step_count(role.code),
            "url": reverse("routines:role", args=[access.share_token, role.code]),
        }
        for role in doc.roles
    ]
    return {
        "doc": doc,
        "roles": roles,
        "urls": _urls(access),
        "back_url": access.back_url,
        "can_edit": access.can_edit,
    }


def _opened(view):
    """Open the routine of the token in the address, or answer with the problem page."""

    @wraps(view)
    def wrapper(request, token, *args, **kwargs):
        try:
            access = open_routine(token)
        except LinkError as error:
            return _private(
                problem_response(
                    request,
                    error,
                    newest=_("Be den som delade rutinen om en ny länk."),
                    again_url=reverse("routines:link_again"),
                    again_label=_("Be om en ny länk"),
                )
            )
        return _private(view(request, access, *args, **kwargs))

    return require_safe(wrapper)


@_opened
def print_view(request, access):
    """The whole routine on A4: roles, then one section per tier."""
    return render(request, "routines/exports/print.html", _context(access))


@_opened
def pdf_view(request, access):
    """The print view as a PDF file."""
    context = dict(_context(access), pdf=True)
    pdf = render_pdf("routines/exports/print.html", context, request=request)
    return pdf_response(pdf, context["doc"].filename("pdf"))


@_opened
def docx_view(request, access):
    """The routine as a Word file."""
    doc = _context(access)["doc"]
    response = HttpResponse(build_docx(doc), content_type=DOCX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, doc.filename("docx"))
    return response


@_opened
def role_view(request, access, role):
    """One role's steps across the tiers: the sheet a mentor pins above the desk."""
    if access.can_edit:
        return redirect("routines:role", access.share_token, role)
    context = _context(access)
    doc = context["doc"]
    found = doc.role(role)
    if found is None:
        raise Http404
    context.update(role=found, tiers=doc.tiers_for(found.code))
    return render(request, "routines/exports/role.html", context)


@_opened
def guardians_view(request, access):
    """The plain-language summary for guardians, in the language of the address."""
    if access.can_edit:
        return redirect("routines:guardians", access.share_token)
    context = _context(access)
    doc = context["doc"]
    languages = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            url = reverse("routines:guardians", args=[access.token])
        languages.append((code, LANGUAGE_NAMES.get(code, code), url))
    context.update(
        summary=guardian_summary(doc),
        has_mentor=any(role.code == "mentor" for role in doc.roles),
        languages=languages,
    )
    return render(request, "routines/exports/guardians.html", context)
