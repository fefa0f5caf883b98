"""Team Domino (and Wagtail's Editors) maintain the routine templates and read the routines
that schools share with them (the admin shows only shared ones)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("Team Domino", "Editors")
PERMISSIONS = [
    ("routinetemplate", "add_routinetemplate"),
    ("routinetemplate", "change_routinetemplate"),
    ("routinetemplate", "delete_routinetemplate"),
    ("routinetemplate", "view_routinetemplate"),
    ("routine", "view_routine"),
]


def grant(apps, schema_editor):
    config = apps.get_app_config("routines")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = [
        Permission.objects.get(
            content_type__app_label="routines", content_type__model=model, codename=codename
        )
        for model, codename in PERMISSIONS
    ]
    for name in GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("routines", "0001_initial"),
        ("support", "0002_team_domino_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
