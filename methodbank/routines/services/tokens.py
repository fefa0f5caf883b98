"""The routine's two links: the edit link (mailed to its creator) and the read-only share link.

Both are :mod:`kcsite.links` tokens of their own kind, so one is useless as the other. The
share link carries the routine's ``share_generation``: "make a new share link" bumps it and the
old links stop working. An edit link lasts :data:`EDIT_LINK_MAX_AGE`; the creator asks for a new
one by e-mail.
"""

from datetime import timedelta

from django.urls import reverse

from kcsite import links

from ..models import Routine

EDIT = "routines.edit"
SHARE = "routines.share"
EDIT_LINK_MAX_AGE = timedelta(days=400)


def edit_token(routine):
    return links.make_token(EDIT, routine.pk)


def share_token(routine):
    return links.make_token(SHARE, routine.pk, routine.share_generation)


def edit_url(routine):
    return reverse("routines:edit", args=[edit_token(routine)])


def share_url(routine):
    return reverse("routines:shared", args=[share_token(routine)])


def routine_for_edit(token):
    """The routine an edit token opens; raises :class:`kcsite.links.LinkError`."""
    routine, _link = links.read_record(EDIT, token, Routine.objects, max_age=EDIT_LINK_MAX_AGE)
    return routine


def routine_for_share(token):
    """The routine a share token shows; an old generation is "used"."""
    routine, link = links.read_record(SHARE, token, Routine.objects)
    if link.version != routine.share_generation:
        raise links.LinkError("used")
    return routine
