"""The search synonyms and search-term statistics move from the method bank to site search.

State only: the tables the method bank created keep their names and rows (``db_table``); the
method bank forgets the models in its ``0008``. Content types (and so the editors' permissions
on them) are carried over to the new app label."""

from django.db import migrations, models


MODELS = ("searchsynonym", "searchtermstat")


def _relabel(apps, old_label, new_label):
    """Give the models' content types (and so their permissions) the new app label; one that
    Django already made under the new label (empty: made by ``post_migrate``) gives way."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        old = ContentType.objects.filter(app_label=old_label, model=model).first()
        if old is None:
            continue
        ContentType.objects.filter(app_label=new_label, model=model).delete()
        old.app_label = new_label
        old.save(update_fields=["app_label"])


def carry_over_content_types(apps, schema_editor):
    _relabel(apps, "methodbank", "sitesearch")


def give_back_content_types(apps, schema_editor):
    _relabel(apps, "sitesearch", "methodbank")


class Migration(migrations.Migration):
    dependencies = [
        ("sitesearch", "0001_swedish_unaccent"),
        ("methodbank", "0007_seed_field_thesaurus"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SearchSynonym",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "terms",
                            models.CharField(
                                help_text="Ord eller uttryck som betyder samma sak, åtskilda med kommatecken, t.ex. ”skolk, ogiltig frånvaro”. En sökning på ett av dem hittar alla.",
                                max_length=500,
                                unique=True,
                                verbose_name="likvärdiga ord",
                            ),
                        ),
                        ("note", models.CharField(blank=True, max_length=200, verbose_name="kommentar")),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                    ],
                    options={
                        "verbose_name": "synonym",
                        "verbose_name_plural": "synonymer",
                        "db_table": "methodbank_searchsynonym",
                        "ordering": ["terms"],
                    },
                ),
                migrations.CreateModel(
                    name="SearchTermStat",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("query", models.CharField(max_length=200, verbose_name="sökning")),
                        ("date", models.DateField(verbose_name="datum")),
                        ("hits", models.PositiveIntegerField(default=0, verbose_name="antal sökningar")),
                        (
                            "zero_results",
                            models.PositiveIntegerField(default=0, verbose_name="sökningar utan träff"),
                        ),
                    ],
                    options={
                        "verbose_name": "sökstatistik",
                        "verbose_name_plural": "sökstatistik",
                        "db_table": "methodbank_searchtermstat",
                        "indexes": [
                            models.Index(fields=["date", "query"], name="methodbank_stat_date_query")
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(carry_over_content_types, give_back_content_types),
    ]
