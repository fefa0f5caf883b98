"""The "Network members" group (no admin access) and the organisation types to start with."""

from django.db import migrations

GROUP = "Network members"
TYPES = [
    ("skola", "Skola/enhet", "School/unit", 10),
    ("elevhalsa", "Elevhälsa", "Pupil health", 20),
    ("ifo", "Socialtjänst (IFO)", "Social services (IFO)", 30),
    ("bup", "Barn- och ungdomspsykiatri (BUP)", "Child and adolescent psychiatry (BUP)", 40),
    ("annan", "Annan", "Other", 90),
]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    OrganisationType = apps.get_model("membership", "OrganisationType")
    Group.objects.get_or_create(name=GROUP)
    for slug, name, name_en, order in TYPES:
        OrganisationType.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
        )


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("membership", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
