from django.db import migrations


def seed(apps, schema_editor):
    from kcsite.search.synonyms import seed_synonyms

    seed_synonyms(apps.get_model("methodbank", "SearchSynonym"))


class Migration(migrations.Migration):
    dependencies = [("methodbank", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
