"""Which routine a token in an output's address opens, and whether it may be edited.

The outputs accept the routine's edit link and its read-only share link alike; they only ever
read. ``back_url`` leads to the page the token came from (the edit page, or the read-only
view), so a colleague with the share link is never shown the edit address. ``share_token``
is the routine's current share link: the pages a school hands on (a role's sheet, the
guardians' summary) are always addressed with it, so an address copied from them never edits.
"""

from dataclasses import dataclass

from django.urls import reverse

from kcsite.links import LinkError

from ..services.tokens import routine_for_edit, routine_for_share, share_token


@dataclass(frozen=True)
class Access:
    routine: object
    token: str
    can_edit: bool
    back_url: str

    @property
    def share_token(self):
        return self.token if not self.can_edit else share_token(self.routine)


def open_routine(token):
    """The :class:`Access` of ``token``; raises ``LinkError`` for a link that does not work."""
    try:
        routine = routine_for_edit(token)
    except LinkError as as_edit:
        try:
            routine = routine_for_share(token)
        except LinkError as as_share:
            # an edit link that expired says so, rather than "not a share link"
            raise (as_share if as_edit.code == "invalid" else as_edit) from None
        return Access(routine, token, False, reverse("routines:shared", args=[token]))
    return Access(routine, token, True, reverse("routines:edit", args=[token]))
