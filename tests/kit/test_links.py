"""kcsite.links.read_record: the one way a view turns a signed link into its record."""

import pytest
from django.contrib.auth import get_user_model

from kcsite import links

pytestmark = pytest.mark.django_db


def test_read_record_gives_the_record_and_its_version():
    user = get_user_model().objects.create_user("lankad")
    record, link = links.read_record(
        "kit.test", links.make_token("kit.test", user.pk, 3), get_user_model().objects
    )
    assert record == user and link.version == 3


def test_a_record_outside_the_queryset_or_deleted_is_gone_and_another_kind_invalid():
    user = get_user_model().objects.create_user("borta")
    token = links.make_token("kit.test", user.pk)
    with pytest.raises(links.LinkError) as outside:
        links.read_record("kit.test", token, get_user_model().objects.filter(is_active=False))
    assert outside.value.code == "gone"
    with pytest.raises(links.LinkError) as other_kind:
        links.read_record("kit.other", token, get_user_model().objects)
    assert other_kind.value.code == "invalid"
    user.delete()
    with pytest.raises(links.LinkError) as deleted:
        links.read_record("kit.test", token, get_user_model().objects)
    assert deleted.value.code == "gone"
