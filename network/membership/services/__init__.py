"""The network's logic, one module per process; views, mails and the admin stay thin.

* :mod:`.applications`: applying, verifying the address, Team Domino's decision;
* :mod:`.access`: who is a member, one-time login links;
* :mod:`.member_data`: the directory, a member's own data, leaving the network;
* :mod:`.network_messages`: messages to every member and unsubscribing;
* :mod:`.member_area`: the privacy of the members-only pages and documents.

Contract for other apps (importable from here): :func:`member_profile_for` (``name``,
``email``, ``organisation``, ``role`` of the member behind a user, or None) and
:func:`approve_application`.
"""

from .access import member_profile_for
from .applications import approve_application

__all__ = ["approve_application", "member_profile_for"]
