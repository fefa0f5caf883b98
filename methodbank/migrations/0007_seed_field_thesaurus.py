from django.db import migrations


def seed(apps, schema_editor):
    """Add the thesaurus groups shipped since 0002 (SPSM, PSF…); editors' groups are kept."""
    from kcsite.search.synonyms import seed_synonyms

    seed_synonyms(apps.get_model("methodbank", "SearchSynonym"))


class Migration(migrations.Migration):
    dependencies = [("methodbank", "0006_search_stats_append_only")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
