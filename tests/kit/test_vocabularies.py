"""Shared vocabularies (kcsite.vocabularies): stored codes never change, labels translate."""

from django.utils import translation

from kcsite import vocabularies
from methodbank import taxonomy


def test_the_stored_codes_are_the_ones_in_the_database():
    assert [code for code, _ in vocabularies.TIERS] == ["promote", "prevent", "act"]
    assert [code for code, _ in vocabularies.EVENT_AUDIENCES] == [
        "all_staff",
        "teachers",
        "pupil_health",
        "principals",
        "ifo_bup",
        "network",
    ]
    assert [code for code, _ in vocabularies.FILM_AUDIENCES] == [
        "teachers",
        "school_staff",
        "principals",
        "pupil_health",
        "social_services",
        "guardians",
    ]
    assert vocabularies.SchoolForm.values == [
        "preschool_class",
        "compulsory",
        "adapted_compulsory",
        "upper_secondary",
        "adapted_upper_secondary",
        "other",
    ]
    assert vocabularies.SchoolType.values == ["municipal", "independent"]


def test_the_method_bank_uses_the_shared_tiers():
    assert taxonomy.TIERS is vocabularies.TIERS
    assert taxonomy.FACETS_BY_PARAM["tier"].codes == vocabularies.Tier.values


def test_labels_stay_translatable():
    label = dict(vocabularies.TIERS)["promote"]
    with translation.override("sv"):
        assert str(label) == "Främjande"
    with translation.override("en"):
        assert str(label) != "Främjande"
