"""Shared vocabularies (kcsite.vocabularies): stored codes never change, labels translate."""

from django.utils import translation

from kcsite import vocabularies
from methodbank import taxonomy


def codes(choices):
    return " ".join(code for code, _label in choices)


def test_the_stored_codes_are_the_ones_in_the_database():
    assert codes(vocabularies.TIERS) == "promote prevent act"
    assert codes(vocabularies.EVENT_AUDIENCES) == (
        "all_staff teachers pupil_health principals ifo_bup network"
    )
    assert codes(vocabularies.FILM_AUDIENCES) == (
        "teachers school_staff principals pupil_health social_services guardians"
    )
    assert codes(vocabularies.SchoolForm.choices) == (
        "preschool_class compulsory adapted_compulsory upper_secondary adapted_upper_secondary "
        "other"
    )
    assert codes(vocabularies.SchoolType.choices) == "municipal independent"


def test_subsets_keep_the_vocabularys_labels():
    labels = dict(vocabularies.EVENT_AUDIENCES)
    assert labels["principals"] == vocabularies.Audience.PRINCIPALS.label


def test_the_method_bank_uses_the_shared_tiers():
    assert taxonomy.TIERS is vocabularies.TIERS
    assert taxonomy.FACETS_BY_PARAM["tier"].codes == vocabularies.Tier.values


def test_labels_stay_translatable():
    label = dict(vocabularies.TIERS)["promote"]
    with translation.override("sv"):
        assert str(label) == "Främjande"
    with translation.override("en"):
        assert str(label) != "Främjande"
