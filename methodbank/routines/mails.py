"""The routines' e-mails: context builders for :mod:`kcsite.mail` (ids in, message out).

``routines.edit_link`` (``kind``: ``created`` or ``again``) sends the signed edit link to the
routine's creator; ``routines.review_reminder`` reminds them that the review date is near.
"""

from django.urls import reverse
from django.utils import translation

from kcsite.links import absolute_url
from kcsite.mail import Mail, builder

from .models import Routine
from .services import tokens


def about(params):
    return f"routines.routine:{params['routine_id']}"


def _routine(routine_id):
    routine = Routine.objects.filter(pk=routine_id, anonymised_at__isnull=True).first()
    if routine is None or not routine.creator_email:
        return None
    return routine


def _context(routine):
    with translation.override(routine.language):
        return {
            "routine": routine,
            "edit_url": absolute_url(tokens.edit_url(routine)),
            "share_url": absolute_url(tokens.share_url(routine)),
            "again_url": absolute_url(reverse("routines:link_again")),
        }


@builder("routines.edit_link", about=about)
def edit_link(routine_id, kind="created"):
    routine = _routine(routine_id)
    if routine is None:
        return None
    context = {**_context(routine), "kind": kind}
    return Mail("routines/mail/edit_link", context, [routine.creator_email], routine.language)


@builder("routines.review_reminder", about=about)
def review_reminder(routine_id):
    routine = _routine(routine_id)
    if routine is None or routine.review_date is None:
        return None
    context = {**_context(routine), "review_date": routine.review_date}
    return Mail("routines/mail/review_reminder", context, [routine.creator_email], routine.language)
