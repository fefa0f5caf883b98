"""What the network's pages show beyond their own fields; the page models route here.

This module imports no page model (the page models import it), only what lies below them:
forms, services and the events app's calendar.
"""

import logging

from django.core.paginator import Paginator

from events.services.queries import upcoming_events

from .forms import DirectoryFilterForm
from .services.access import member_profile_for
from .services.member_data import directory_members

logger = logging.getLogger("kcsite.membership")


def upcoming_network_meetings(limit=3):
    """The next network meetings from the events app ([] if it fails: another app's failure
    must not take the network page down)."""
    try:
        return list(upcoming_events(event_type="network_meeting", limit=limit))
    except Exception:
        logger.exception("upcoming_events failed")
        return []


def member_context(request):
    """The member behind the request (None for everyone else)."""
    return {"member": member_profile_for(request.user)}


def network_page_context(request):
    return {"meetings": upcoming_network_meetings(), **member_context(request)}


def directory_context(request):
    """The directory's search form and one page of the members it finds."""
    form = DirectoryFilterForm(request.GET or None)
    query, organisation_type = "", None
    if form.is_valid():
        query = form.cleaned_data["q"]
        organisation_type = form.cleaned_data["organisation_type"]
    members = directory_members(query=query, organisation_type=organisation_type)
    paginator = Paginator(members, 25)
    return {
        "form": form,
        "page_obj": paginator.get_page(request.GET.get("page")),
        "paginator": paginator,
        "filtered": bool(query or organisation_type),
        **member_context(request),
    }
