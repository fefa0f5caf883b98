from django.db import migrations


def forwards(apps, schema_editor):
    from kcsite.pages.site_address import sync_site_hostname

    sync_site_hostname(apps.get_model("wagtailcore", "Site"))


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
