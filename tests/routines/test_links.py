"""The edit and share links: tampered, old and of the other kind change nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse

from kcsite import links
from methodbank.routines.models import Routine
from methodbank.routines.services import tokens

pytestmark = pytest.mark.django_db


def test_tokens_open_their_own_kind_only(routine):
    edit, share = tokens.edit_token(routine), tokens.share_token(routine)
    assert tokens.routine_for_edit(edit) == routine
    assert tokens.routine_for_share(share) == routine
    with pytest.raises(links.LinkError):
        tokens.routine_for_edit(share)
    with pytest.raises(links.LinkError):
        tokens.routine_for_share(edit)


def test_a_tampered_edit_link_is_refused_and_changes_nothing(client, routine):
    token = tokens.edit_token(routine)
    tampered = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    key = routine.routine_content().tier("promote").steps[0].key
    response = client.post(
        reverse("routines:edit", args=[tampered]), {"action": "remove", "version": 1, "step": key}
    )
    assert response.status_code == 400
    assert Routine.objects.get().version == 1


def test_a_share_token_cannot_edit(client, routine):
    share = tokens.share_token(routine)
    response = client.get(reverse("routines:edit", args=[share]))
    assert response.status_code == 400


def test_an_old_edit_link_has_expired(client, routine, monkeypatch):
    token = tokens.edit_token(routine)
    monkeypatch.setattr(tokens, "EDIT_LINK_MAX_AGE", timedelta(seconds=-1))
    with pytest.raises(links.LinkError) as raised:
        tokens.routine_for_edit(token)
    assert raised.value.code == "expired"
    assert client.get(reverse("routines:edit", args=[token])).status_code == 400


def test_a_retired_share_link_is_used(routine):
    old = tokens.share_token(routine)
    routine.share_generation += 1
    routine.save()
    with pytest.raises(links.LinkError) as raised:
        tokens.routine_for_share(old)
    assert raised.value.code == "used"


def test_a_deleted_routine_is_gone(client, routine):
    token = tokens.edit_token(routine)
    routine.delete()
    assert client.get(reverse("routines:edit", args=[token])).status_code == 410
