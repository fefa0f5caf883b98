"""The public pages of the self-assessment: thin views over :mod:`.services`.

Every page of one assessment is reached through its signed link; a save posts the version the
page showed (see :mod:`.services.filling`).
"""

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from kcsite import links, ratelimit

from .forms import AreaForm, ReviewForm, StartForm, level_choices
from .models import IndicatorSet
from .services import filling, results
from .services import links as assessment_links
from .services.errors import AlreadyCompleted, AssessmentError, NoActiveSet, VersionConflict
from .services.indicators import set_data

DIRECTIONS = ("next", "back", "later")
#: The Swedish address of the self-assessment (every language used it before its segments
#: were translated; links in old English e-mails still do).
SWEDISH_BASE = "stod/hur-star-vi-oss/"


def _problem(request, error):
    return links.problem_response(
        request,
        error,
        newest=_(
            "Länken till självskattningen finns i mejlet som skickades när den startades. "
            "Be den som startade den att vidarebefordra det."
        ),
    )


def _read(request, token):
    """(assessment, None) or (None, the problem page)."""
    try:
        return assessment_links.read(token), None
    except links.LinkError as error:
        return None, _problem(request, error)


def _read_completed(request, token):
    """(assessment, None) when it is completed, else (None, the problem page or the way back
    to filling it in)."""
    assessment, problem = _read(request, token)
    if problem:
        return None, problem
    if not assessment.is_completed:
        return None, redirect(assessment_links.path_for(assessment))
    return assessment, None


def start_page(request):
    indicator_set = IndicatorSet.active()
    data = set_data(indicator_set.pk) if indicator_set else None
    # The set's title and introduction in the visitor's language (the original's otherwise).
    shown = indicator_set.localized if indicator_set else None
    return render(request, "assessment/start_page.html", {"indicator_set": shown, "data": data})


@never_cache
@require_http_methods(["GET", "POST"])
def start_view(request, token=None):
    """The start form; with ``token`` (a completed assessment) it starts a repeat of it."""
    previous = None
    initial = {}
    if token is not None:
        previous, answer = _read_completed(request, token)
        if answer:
            return answer
        initial = {
            "school_unit": previous.school_unit,
            "school_form": previous.school_form,
            "email": previous.created_by_email,
        }
    template = "assessment/start_form.html"
    status = 200
    form = StartForm(request.POST or None, initial=initial)
    context = {"form": form, "previous": previous}
    if request.method == "POST":
        if form.is_valid():
            refused = ratelimit.refuse(
                request,
                "assessment:start",
                email=form.cleaned_data["email"],
                template=template,
                context=context,
            )
            if refused:
                return refused
            try:
                assessment = filling.start(
                    school_unit=form.cleaned_data["school_unit"],
                    school_form=form.cleaned_data["school_form"],
                    email=form.cleaned_data["email"],
                    language=get_language() or "sv",
                    previous=previous,
                )
            except NoActiveSet as error:
                form.add_error(None, error.message)
                status = 409
            else:
                return redirect(assessment_links.path_for(assessment, "area", number=1))
        else:
            status = 400
    return render(request, template, context, status=status)


@never_cache
def resume_view(request, token):
    """The link from the e-mail: the result when completed, else the first area with a
    statement left unanswered (the review when none is)."""
    assessment, problem = _read(request, token)
    if problem:
        return problem
    if assessment.is_completed:
        return redirect(assessment_links.path_for(assessment, "result"))
    data = set_data(assessment.indicator_set_id)
    answers = filling.answers_of(assessment)
    for number, area in enumerate(data.areas, start=1):
        if any(s.key not in answers for s in data.statements_of(area.key)):
            return redirect(assessment_links.path_for(assessment, "area", number=number))
    return redirect(assessment_links.path_for(assessment, "review"))


def _after_save(assessment, direction, number, count):
    if direction == "later":
        return redirect(assessment_links.path_for(assessment, "review") + "?sparad=1")
    target = number - 1 if direction == "back" else number + 1
    if target < 1:
        return redirect("assessment:start_page")
    if target > count:
        return redirect(assessment_links.path_for(assessment, "review"))
    return redirect(assessment_links.path_for(assessment, "area", number=target))


@never_cache
@require_http_methods(["GET", "POST"])
def area_view(request, token, number):
    assessment, problem = _read(request, token)
    if problem:
        return problem
    if assessment.is_completed and request.method == "GET":
        return redirect(assessment_links.path_for(assessment, "result"))
    data = set_data(assessment.indicator_set_id)
    area = data.area(number)
    if area is None:
        raise Http404
    statements = data.statements_of(area.key)
    answers = filling.answers_of(assessment)
    comment = filling.comments_of(assessment).get(area.key, "")
    status, conflict, completed_meanwhile = 200, None, None
    if request.method == "POST":
        form = AreaForm(request.POST, statements=statements)
        if form.is_valid():
            try:
                saved = filling.save_area(
                    assessment.pk,
                    links.posted_version(request),
                    area_key=area.key,
                    levels=form.levels(),
                    comment=form.cleaned_data["comment"],
                )
            except VersionConflict as error:
                # The visitor's input stays in the form; the newer saved answers are shown
                # beside it, and the next save is made against the newer version.
                assessment = error.current
                answers = filling.answers_of(assessment)
                comment = filling.comments_of(assessment).get(area.key, "")
                conflict = error.message
                status = 409
            except AlreadyCompleted as error:
                # Completed by someone else meanwhile: the visitor's input stays on the page,
                # with the way to the result.
                completed_meanwhile = error.message
                status = 409
            else:
                direction = request.POST.get("direction")
                direction = direction if direction in DIRECTIONS else "next"
                return _after_save(saved, direction, number, len(data.areas))
        else:
            status = 400
    else:
        initial = {s.key: answers[s.key] for s in statements if s.key in answers}
        form = AreaForm(initial={**initial, "comment": comment}, statements=statements)
    context = {
        "assessment": assessment,
        "token": assessment_links.token_for(assessment),
        "area": area,
        "area_intro": data.area_intros.get(area.key, ""),
        "number": number,
        "count": len(data.areas),
        "form": form,
        "conflict": conflict,
        "saved_answers": _saved(statements, answers) if conflict else None,
        "saved_comment": comment if conflict else "",
        "completed_meanwhile": completed_meanwhile,
    }
    return render(request, "assessment/area.html", context, status=status)


def _saved(statements, answers):
    """``[(statement, saved level label)]`` for the conflict notice."""
    rows = []
    for statement in statements:
        labels = dict(level_choices(statement))
        rows.append((statement, labels.get(answers.get(statement.key), _("Inte besvarat"))))
    return rows


@never_cache
@require_http_methods(["GET", "POST"])
def review_view(request, token):
    assessment, problem = _read(request, token)
    if problem:
        return problem
    if assessment.is_completed:
        return redirect(assessment_links.path_for(assessment, "result"))
    status, error_message = 200, None
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            done = filling.complete(
                assessment.pk,
                links.posted_version(request),
                share_with_team_domino=form.cleaned_data["share_with_team_domino"],
            )
        except VersionConflict as error:
            assessment = error.current
            error_message = _(
                "Någon annan i teamet har sparat svar sedan sidan visades. Titta igenom "
                "sammanställningen och slutför igen."
            )
            status = 409
        except AlreadyCompleted:
            return redirect(assessment_links.path_for(assessment, "result"))
        else:
            return redirect(assessment_links.path_for(done, "result"))
    data = set_data(assessment.indicator_set_id)
    context = {
        "assessment": assessment,
        "token": assessment_links.token_for(assessment),
        "scores": results.scores_of(assessment, data),
        "comments": filling.comments_of(assessment),
        "form": form,
        "error_message": error_message,
        "saved_for_later": request.GET.get("sparad") == "1",
    }
    return render(request, "assessment/review.html", context, status=status)


@never_cache
def result_view(request, token):
    assessment, answer = _read_completed(request, token)
    if answer:
        return answer
    context = {
        "result": results.result(assessment),
        "assessment": assessment,
        "token": assessment_links.token_for(assessment),
        "shared": request.GET.get("delning"),
        "share_form": ReviewForm(
            initial={"share_with_team_domino": assessment.share_with_team_domino}
        ),
    }
    return render(request, "assessment/result.html", context)


@never_cache
@require_POST
def share_view(request, token):
    assessment, problem = _read(request, token)
    if problem:
        return problem
    form = ReviewForm(request.POST)
    form.is_valid()
    try:
        assessment = filling.set_sharing(
            assessment.pk,
            links.posted_version(request),
            form.cleaned_data.get("share_with_team_domino", False),
        )
    except AssessmentError:
        return redirect(assessment_links.path_for(assessment, "result") + "?delning=konflikt")
    return redirect(assessment_links.path_for(assessment, "result") + "?delning=sparad")


def moved_view(request, rest):
    """A Swedish address in another language (``/en/stod/hur-star-vi-oss/<token>/…``, from an
    e-mail sent before the segments were translated): permanently to the same page's address
    in the active language (308 keeps a form's POST). In Swedish it is simply not found."""
    language = get_language()
    if language == "sv":
        raise Http404
    try:
        with translation.override("sv"):
            match = resolve(f"/{SWEDISH_BASE}{rest}")
    except Resolver404:
        raise Http404 from None
    if match.func is moved_view:
        raise Http404
    url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    if request.META.get("QUERY_STRING"):
        url += "?" + request.META["QUERY_STRING"]
    response = HttpResponsePermanentRedirect(url)
    if request.method not in ("GET", "HEAD"):
        response.status_code = 308
    return response
