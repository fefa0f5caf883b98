"""The privacy of the member area: its pages and shared documents are for the members group."""

from wagtail.models import BaseViewRestriction, CollectionViewRestriction, PageViewRestriction

from ..models.pages import MemberAreaPage
from .common import members_group


def _ensure_group_restriction(restriction_model, group, **target):
    existing = list(restriction_model.objects.filter(**target))
    groups_restriction = next(
        (r for r in existing if r.restriction_type == BaseViewRestriction.GROUPS), None
    )
    for restriction in existing:
        if restriction is not groups_restriction:
            restriction.delete()
    if groups_restriction is None:
        groups_restriction = restriction_model(
            restriction_type=BaseViewRestriction.GROUPS, **target
        )
        groups_restriction.save()
    if not groups_restriction.groups.filter(pk=group.pk).exists():
        groups_restriction.groups.add(group)
    return groups_restriction


def ensure_member_privacy(page):
    """Restrict a member area page (and its material collection) to the members group."""
    page = page.specific
    if not isinstance(page, MemberAreaPage):
        return
    group = members_group()
    _ensure_group_restriction(PageViewRestriction, group, page=page)
    if page.material_collection_id:
        _ensure_group_restriction(
            CollectionViewRestriction, group, collection=page.material_collection
        )
