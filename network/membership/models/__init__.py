"""The attendance network: applications, members, one-time login links and the member pages.

Public side: :class:`NetworkPage` (what the network is and how to join). Members only: the
:class:`MemberAreaPage` subtree (meeting notes, shared material, the member directory), protected
with Wagtail page privacy for the "Network members" group (see
``services.member_area.ensure_member_privacy``).

Modules below the pages (forms, services, mails) import ``models.members`` and
``models.messages`` directly: this package also loads the page models, which route to
``page_views`` and so to those modules.
"""

from .members import (
    MEMBERS_GROUP_NAME,
    LoginToken,
    Member,
    MembershipApplication,
    OrganisationType,
)
from .messages import MessageDelivery, NetworkMessage
from .pages import (
    MeetingNotesPage,
    MemberAreaPage,
    MemberDirectoryPage,
    MembersOnlyMixin,
    NetworkPage,
)

__all__ = [
    "MEMBERS_GROUP_NAME",
    "LoginToken",
    "MeetingNotesPage",
    "Member",
    "MemberAreaPage",
    "MemberDirectoryPage",
    "MembersOnlyMixin",
    "MembershipApplication",
    "MessageDelivery",
    "NetworkMessage",
    "NetworkPage",
    "OrganisationType",
]
