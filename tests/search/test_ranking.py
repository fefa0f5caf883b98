"""The finder's ranking (``kcsite.search.ranking``): what the core fields hold counts, and an
edit of a title counts at once (the per-process core index follows the content generation)."""

import pytest
from django.test import override_settings

from kcsite.search.analysis import analyse
from kcsite.search.ranking import core_index, search_ranked
from methodbank.models import MethodFinderPage, MethodPage
from methodbank.services import CORE_FIELDS
from tests import builders

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_methods")]


def _methods():
    finder = MethodFinderPage.objects.get(locale__language_code="sv")
    return MethodPage.objects.child_of(finder).live().public()


@override_settings(SEARCH_CONCEPT_CACHE_SECONDS=600)
def test_a_new_title_counts_at_once():
    methods = _methods()
    first = search_ranked(methods, "lågaffektivt bemötande", core_fields=CORE_FIELDS)
    page = methods.exclude(pk__in=first.ids).order_by("pk").first()
    page.title = "Lågaffektivt bemötande i klassrummet"
    page.save_revision().publish()
    builders.refresh_search_index(MethodPage)
    again = search_ranked(methods, "lågaffektivt bemötande", core_fields=CORE_FIELDS)
    assert page.pk in again.ids[: again.strong]
    assert page.pk not in first.ids
    core = core_index(methods, CORE_FIELDS)
    assert all(page.pk in core.holding_in_first(c) for c in analyse("lågaffektivt bemötande"))


def test_a_method_holding_every_word_comes_before_one_holding_some():
    methods = _methods()
    hits = search_ranked(methods, "kartläggning frånvaro", core_fields=CORE_FIELDS)
    strong = hits.ids[: hits.strong]
    assert strong and hits.strong < len(hits.ids)
    titles = dict(methods.values_list("pk", "title"))
    weak_titles = [titles[pk].lower() for pk in hits.ids[hits.strong :]]
    assert not any("kartlägg" in t and "frånvaro" in t for t in weak_titles)


def test_a_compound_that_nothing_holds_is_asked_as_its_parts():
    """No method holds ``vikariekostnader`` (nor both its parts): the one about ``vikarier``
    is found instead of nothing, as a weak hit; one about neither part is not."""
    from methodbank.importing import import_methods
    from tests.methodbank.factories import method_item

    import_methods(
        [
            method_item(1, title="Planering av vikarier", summary="Vikarier planeras i förväg."),
            method_item(2, title="Lokaler och schema", summary="Salar bokas i förväg."),
        ]
    )
    builders.refresh_search_index(MethodPage)
    methods = _methods()
    wanted = methods.get(title="Planering av vikarier").pk
    other = methods.get(title="Lokaler och schema").pk
    assert analyse("vikariekostnader")[0].alternatives[0] == ("vikariekostnader",)
    hits = search_ranked(methods, "vikariekostnader", core_fields=CORE_FIELDS)
    assert hits.ids[0] == wanted and other not in hits.ids
    assert hits.strong == 0  # it holds one part of two


def test_a_misspelt_word_brings_the_synonyms_of_its_correction():
    from kcsite.search.models import SearchSynonym

    SearchSynonym.objects.create(terms="hemmasittare, långvarig frånvaro")
    concept = analyse("hemmasitare")[0]
    assert ("hemmasittare",) in concept.alternatives
    assert ("långvarig", "frånvaro") in concept.alternatives
    assert analyse("hemmasittare")[0].alternatives[0] == ("hemmasittare",)
