from django.db import migrations

AUDIENCES = [
    "teachers",
    "school_staff",
    "principals",
    "pupil_health",
    "social_services",
    "guardians",
]


def create_audiences(apps, schema_editor):
    Audience = apps.get_model("library", "Audience")
    for order, key in enumerate(AUDIENCES):
        Audience.objects.update_or_create(key=key, defaults={"sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]

    operations = [migrations.RunPython(create_audiences, migrations.RunPython.noop)]
