"""Every reference kept on a method page (the import format's interim structure) now also
points to the reference library: find or create the library Reference and cite it."""

from django.db import migrations


def forward(apps, schema_editor):
    from methodbank.importing import link_cited_references

    models = (
        apps.get_model("methodbank", "MethodPage"),
        apps.get_model("library", "Reference"),
        apps.get_model("library", "ReferenceAuthor"),
    )
    link_cited_references(models[0].objects.all(), models=models)


class Migration(migrations.Migration):
    dependencies = [
        ("methodbank", "0003_methodpage_cited_references_and_more"),
        ("library", "0002_audiences"),
    ]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
