"""State only: ``SearchSynonym`` and ``SearchTermStat`` now belong to site search
(``sitesearch.0002``), on the same tables; nothing in the database changes."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("methodbank", "0007_seed_field_thesaurus"),
        ("sitesearch", "0002_search_synonyms_and_statistics"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="SearchSynonym"),
                migrations.DeleteModel(name="SearchTermStat"),
            ],
        ),
    ]
