"""Team Domino's support on request: service pages, bookable times and support requests.

The app's own modules import from the submodules (only this file imports the pages, whose
request form routes to a view); the choices are handed on for other apps and tests.
"""

from kcsite.vocabularies import SchoolForm, SchoolType

from ..choices import MeetingMode, Role, ServiceKind, State
from .availability import AvailableSlot, WeeklyPattern
from .pages import SupportIndexPage, SupportServicePage
from .requests import ReferenceCounter, RequestAddition, SupportRequest

__all__ = [
    "AvailableSlot",
    "MeetingMode",
    "ReferenceCounter",
    "RequestAddition",
    "Role",
    "SchoolForm",
    "SchoolType",
    "ServiceKind",
    "State",
    "SupportIndexPage",
    "SupportRequest",
    "SupportServicePage",
    "WeeklyPattern",
]
