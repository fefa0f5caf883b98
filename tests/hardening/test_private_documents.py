"""Files with a view restriction are never kept by a shared cache."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from network.membership.models import MemberAreaPage
from tests.membership.factories import member

pytestmark = pytest.mark.django_db


def _private_document():
    area = MemberAreaPage.objects.get(locale__language_code="sv")
    return get_document_model().objects.filter(collection=area.material_collection).first()


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
