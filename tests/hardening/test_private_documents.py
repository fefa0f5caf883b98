"""Files with a view restriction are never kept by a shared cache."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from network.membership.models import MEMBERS_GROUP_NAME
from tests.membership.factories import member

pytestmark = pytest.mark.django_db


def _private_document():
    """A document in a collection restricted to the members' group, as the member area's
    material collection is."""
    collection = Collection.get_first_root_node().add_child(name="Medlemsmaterial")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=MEMBERS_GROUP_NAME))
    return get_document_model().objects.create(
        title="Protokoll", collection=collection, file=ContentFile(b"%PDF-1.4", name="p.pdf")
    )


def _directives(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def test_member_document_is_private_and_not_stored(client):
    document = _private_document()
    anonymous = client.get(document.url)
    assert {"private", "no-store"} <= _directives(anonymous)
    client.force_login(member().user)
    served = client.get(document.url)
    assert served.status_code == 200
    assert {"private", "no-store"} <= _directives(served)
    assert "Cookie" in served["Vary"]


def test_public_document_keeps_ordinary_caching(client):
    public = get_document_model().objects.create(
        title="Offentlig", file=ContentFile(b"%PDF-1.4 test", name="offentlig.pdf")
    )
    response = client.get(public.url)
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
