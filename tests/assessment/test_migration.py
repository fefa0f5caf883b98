"""Migration 0003 makes the indicator snippets translatable: existing sets, areas and
statements become originals in the default language, each with its own translation key."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from network.assessment.models import Area, IndicatorSet, Statement

BEFORE = ("assessment", "0002_team_domino_permissions")


@pytest.mark.django_db(transaction=True)
def test_existing_indicators_become_swedish_originals():
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    old = executor.loader.project_state([BEFORE]).apps
    old_set = old.get_model("assessment", "IndicatorSet").objects.create(
        title="Gammal uppsättning", is_active=True
    )
    old_area = old.get_model("assessment", "Area").objects.create(
        indicator_set=old_set, key="promote", title="Främjande arbete"
    )
    for key in ("a", "b"):
        old.get_model("assessment", "Statement").objects.create(
            area=old_area, key=key, text=key, level_1="1", level_2="2", level_3="3", level_4="4"
        )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes("assessment"))  # 0003 and any later one

    rows = [IndicatorSet.objects.get(), Area.objects.get(), *Statement.objects.all()]
    assert {row.locale.language_code for row in rows} == {"sv"}
    assert len({row.translation_key for row in rows}) == len(rows) == 4
    assert IndicatorSet.active().title == "Gammal uppsättning"
