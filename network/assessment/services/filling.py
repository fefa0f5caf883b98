"""A team fills in an assessment: start it, save one area at a time, complete it, repeat it.

Every save locks the assessment's row and compares the version the form showed with the
stored one: of two people saving at once one wins, and the other is told (with what was
saved and their own input kept), never silently overwritten.
"""

import time

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from kcsite.mail import send_mail

from ..choices import Level, State
from ..models import Answer, AreaComment, Assessment, IndicatorSet
from .errors import AlreadyCompleted, NoActiveSet, NotCompleted, VersionConflict

LEVELS = set(Level.values)
# Test switches (tests/assessment/test_races.py): the row lock can be switched off to show that
# the conditional version update alone keeps a second save out; a pause widens the window.
LOCK_ROWS = True
RACE_PAUSE_SECONDS = 0


def start(*, school_unit, school_form, email, language="sv", previous=None, now=None):
    """A new draft on the active indicator set; mails the link to ``email``. ``previous`` is
    the same school's completed assessment that this one repeats (for the comparison)."""
    indicator_set = IndicatorSet.active()
    if indicator_set is None:
        raise NoActiveSet()
    if previous is not None and not previous.is_completed:
        raise NotCompleted()
    with transaction.atomic():
        assessment = Assessment.objects.create(
            school_unit=school_unit,
            school_form=school_form,
            created_by_email=email,
            language=language,
            indicator_set=indicator_set,
            previous=previous,
            created_at=now or timezone.now(),
        )
        send_mail("assessment.link", assessment_id=assessment.pk, kind="started")
    return assessment


def _locked(assessment_id, version):
    rows = Assessment.objects.filter(pk=assessment_id)
    assessment = (rows.select_for_update() if LOCK_ROWS else rows).get()
    if assessment.is_completed:
        raise AlreadyCompleted()
    if assessment.version != version:
        raise VersionConflict(assessment)
    if RACE_PAUSE_SECONDS:
        time.sleep(RACE_PAUSE_SECONDS)
    return assessment


def _bump(assessment, **fields):
    """The new version, on condition that nobody saved since ``assessment`` was read (else
    :class:`VersionConflict`, and the transaction's writes are rolled back)."""
    updated = Assessment.objects.filter(pk=assessment.pk, version=assessment.version).update(
        version=F("version") + 1, updated_at=timezone.now(), **fields
    )
    if not updated:
        raise VersionConflict(Assessment.objects.get(pk=assessment.pk))
    assessment.refresh_from_db()
    return assessment


def save_area(assessment_id, version, *, area_key, levels, comment=""):
    """Save one area's answers: ``levels`` maps each of the area's statement keys to a level
    ("1"–"4", "dont_know") or "" (unanswered: a stored answer is removed). Returns the
    assessment with its new version; raises :class:`VersionConflict` when someone saved in
    between and :class:`AlreadyCompleted` after completion (nothing is saved then)."""
    with transaction.atomic():
        assessment = _locked(assessment_id, version)
        for key, level in levels.items():
            if level in LEVELS:
                Answer.objects.update_or_create(
                    assessment=assessment, statement_key=key, defaults={"level": level}
                )
            else:
                Answer.objects.filter(assessment=assessment, statement_key=key).delete()
        comment = (comment or "").strip()
        if comment:
            AreaComment.objects.update_or_create(
                assessment=assessment, area_key=area_key, defaults={"text": comment}
            )
        else:
            AreaComment.objects.filter(assessment=assessment, area_key=area_key).delete()
        return _bump(assessment)


def complete(assessment_id, version, *, share_with_team_domino=False, now=None):
    """Mark the assessment completed (the result page opens) and mail the result's link."""
    with transaction.atomic():
        assessment = _locked(assessment_id, version)
        assessment = _bump(
            assessment,
            state=State.COMPLETED,
            completed_at=now or timezone.now(),
            share_with_team_domino=bool(share_with_team_domino),
        )
        send_mail("assessment.link", assessment_id=assessment.pk, kind="completed")
    return assessment


def set_sharing(assessment_id, version, share):
    """Change whether Team Domino may see the completed assessment with the school's name."""
    with transaction.atomic():
        assessment = Assessment.objects.get(pk=assessment_id)
        if assessment.version != version:
            raise VersionConflict(assessment)
        return _bump(assessment, share_with_team_domino=bool(share))


def answers_of(assessment):
    """``{statement key: level}`` of the assessment."""
    return dict(assessment.answers.values_list("statement_key", "level"))


def comments_of(assessment):
    """``{area key: comment}`` of the assessment."""
    return dict(assessment.comments.values_list("area_key", "text"))
