"""The result of a completed assessment: what to act on first, with live links.

The scores and the choice of weak areas and statements are :mod:`..scoring`'s; this module
adds what the site holds now: the live methods linked to the weak statements (in the
visitor's language when translated), upcoming trainings open for registration that fit (of the
statements' event types, or built on those methods), the Team Domino service that fits and a
support request prefilled with the school's need in words; and the change since the
assessment this one repeats.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext as _

from events.models.pages import EventPage
from events.services.queries import upcoming_events
from kcsite import referrals
from kcsite.charts import ChartTable, one_decimal
from methodbank.models import MethodPage
from network.support.models import SupportServicePage

from .. import scoring
from ..choices import DONT_KNOW
from .filling import answers_of, comments_of
from .indicators import set_data

EVENTS_PER_AREA = 3


@dataclass
class WeakStatementView:
    text: str
    level: str  # "1"–"3" or "dont_know"
    level_text: str  # the description of the team's level ("" for "vet inte")


@dataclass
class ActionArea:
    """One weak area and what to do about it."""

    score: scoring.AreaScore
    statements: list  # WeakStatementView
    methods: list = field(default_factory=list)  # live MethodPage, localised
    events: list = field(default_factory=list)  # upcoming EventPage, open for registration
    service_page: object = None  # SupportServicePage or None
    request_url: str | None = None
    need: str = ""
    comment: str = ""


@dataclass
class Result:
    assessment: object
    scores: list  # AreaScore, in the set's order
    actions: list  # ActionArea, weakest first
    changes: list | None  # AreaChange per area, when this assessment repeats another
    comments: dict

    @property
    def profile(self):
        return profile_table(self.scores)

    @property
    def change_chart(self):
        return change_table(self.changes) if self.changes else None

    @property
    def answered(self):
        return sum(score.answered for score in self.scores)

    @property
    def dont_know(self):
        return sum(score.dont_know for score in self.scores)

    @property
    def unanswered(self):
        return sum(score.unanswered for score in self.scores)


def scores_of(assessment, data=None):
    """The :class:`scoring.AreaScore` list of one assessment (its own indicator set)."""
    data = data or set_data(assessment.indicator_set_id)
    return scoring.area_scores(answers_of(assessment), data.statements, data.areas)


def live_methods(method_ids):
    """The live, public methods among ``method_ids``, in that order, each in the active
    language when a live translation exists."""
    pages = {p.pk: p for p in MethodPage.objects.live().public().filter(pk__in=method_ids)}
    shown = []
    for pk in method_ids:
        if pk in pages:
            localised = pages[pk].localized
            shown.append(localised if localised.live else pages[pk])
    return shown


def fitting_events(event_types, method_ids, limit=EVENTS_PER_AREA):
    """Upcoming events open for registration in the active language, soonest first: of one of
    ``event_types``, or built on one of the methods (or their translations)."""
    keys = MethodPage.objects.filter(pk__in=method_ids).values("translation_key")
    fits = EventPage.objects.filter(
        Q(event_type__in=list(event_types)) | Q(related_methods__method__translation_key__in=keys)
    ).values("pk")
    candidates = upcoming_events().filter(pk__in=fits).prefetch_related("occasions")
    return [e for e in candidates if e.registration_state() == "open"][:limit]


def service_page(kind):
    """The live service page of ``kind`` in the active language (else the original)."""
    if not kind:
        return None
    page = SupportServicePage.objects.live().public().filter(service_kind=kind).first()
    if page is None:
        return None
    localised = page.localized
    return localised if localised.live else page


def need_text(assessment, score, statements):
    """The school's need in words, for the support request (the requester edits it)."""
    lines = [
        _(
            "Vi har gjort självskattningen ”Hur står vi oss?” för %(school)s "
            "(%(date)s). Området %(area)s är ett av våra svagaste och vi vill ha stöd att "
            "komma vidare."
        )
        % {
            "school": assessment.school_unit,
            "date": formats.date_format(assessment.completed_at or assessment.created_at),
            "area": score.title,
        },
        "",
        _("Det här vill vi utveckla först:"),
    ]
    for item in statements:
        if item.level == DONT_KNOW:
            where = _("vi vet inte hur det ser ut")
        else:
            where = _("vi ligger på nivå %(level)s av 4: %(text)s") % {
                "level": item.level,
                "text": item.level_text,
            }
        lines.append(f"- {item.text} ({where})")
    return "\n".join(lines)


def result(assessment):
    """The :class:`Result` of a completed assessment."""
    data = set_data(assessment.indicator_set_id)
    answers = answers_of(assessment)
    comments = comments_of(assessment)
    scores = scoring.area_scores(answers, data.statements, data.areas)
    actions = []
    for rec in scoring.recommendations(answers, data.statements, scores):
        statements = [
            WeakStatementView(w.statement.text, w.level, w.statement.level_text(w.level))
            for w in rec.statements
        ]
        action = ActionArea(
            score=rec.area,
            statements=statements,
            methods=live_methods(rec.method_ids),
            events=fitting_events(rec.event_types, rec.method_ids),
            service_page=service_page(rec.service_kind),
            comment=comments.get(rec.area.key, ""),
        )
        action.need = need_text(assessment, rec.area, statements)
        action.request_url = referrals.support_request_url(
            service_kind=rec.service_kind or None, need=action.need, source=_("er självskattning")
        )
        actions.append(action)
    changes = None
    previous = assessment.previous
    if previous is not None and previous.is_completed:
        changes = scoring.compare(scores_of(previous), scores)
    return Result(assessment, scores, actions, changes, comments)


def profile_table(scores):
    """The profile per area: mean level as bars (scale 1–4), with the counts in the table."""
    return ChartTable(
        key="profile",
        title=_("Medelnivå per område"),
        caption=_("1 = inte påbörjat, 4 = etablerat och uppföljt"),
        row_heading=_("Område"),
        columns=[_("Medelnivå"), _("Besvarade"), _("Vet inte"), _("Obesvarade")],
        rows=[
            (s.title, [one_decimal(s.mean), s.answered, s.dont_know, s.unanswered]) for s in scores
        ],
    ).draw(maximum=4)


def change_table(changes):
    """The change per area since the assessment this one repeats (the bars: the mean now)."""
    return ChartTable(
        key="change",
        title=_("Medelnivå nu och förra gången"),
        row_heading=_("Område"),
        columns=[_("Förra gången"), _("Nu"), _("Förändring")],
        rows=[
            (c.title, [one_decimal(c.before), one_decimal(c.after), signed_change(c)])
            for c in changes
        ],
    ).draw(lambda values: values[1], maximum=4)


def signed_change(change):
    """An :class:`~..scoring.AreaChange` as shown: the difference of the two means as shown
    (one decimal each, so the figures add up on the page), with its sign, in the active
    language's number format ("+0,5", "−1,0", "±0,0"); None without both means."""
    if change.before is None or change.after is None:
        return None
    difference = one_decimal(change.after) - one_decimal(change.before)
    sign = "+" if difference > 0 else "−" if difference < 0 else "±"
    return sign + formats.localize(abs(difference))
