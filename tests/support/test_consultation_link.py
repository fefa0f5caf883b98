"""The ``kc_consultation_url`` hook: where the method finder's "Boka konsultation" leads."""

import pytest
from django.utils import translation
from wagtail import hooks

from network.support.models import ServiceKind, SupportServicePage

from . import factories

pytestmark = pytest.mark.django_db


def _hook_paths():
    return [function() for function in hooks.get_hooks("kc_consultation_url")]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_hook_gives_the_consultation_request_form_in_the_current_language(client, language):
    page = factories.service_page(ServiceKind.CONSULTATION, language)
    with translation.override(language):
        paths = _hook_paths()
    assert paths == [page.url + page.reverse_subpage("request_form")]
    assert client.get(paths[0]).status_code == 200


def test_hook_gives_none_when_no_consultation_page_is_published():
    factories.service_page(ServiceKind.CONSULTATION, "en")
    factories.service_page(ServiceKind.SUPERVISION)
    assert _hook_paths() != [None]
    for page in SupportServicePage.objects.live().filter(service_kind=ServiceKind.CONSULTATION):
        page.unpublish()
    assert _hook_paths() == [None]
