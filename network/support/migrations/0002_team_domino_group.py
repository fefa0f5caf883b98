"""The "Team Domino" group with the permissions to triage requests and publish times.

On PostgreSQL also an exclusion constraint: one staff member cannot have two overlapping
booked meetings in holding states (a backstop behind the row lock on the slot).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Team Domino"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("support", "supportrequest", "view_supportrequest"),
    ("support", "supportrequest", "change_supportrequest"),
    ("support", "availableslot", "view_availableslot"),
    ("support", "availableslot", "add_availableslot"),
    ("support", "availableslot", "change_availableslot"),
    ("support", "weeklypattern", "view_weeklypattern"),
    ("support", "weeklypattern", "add_weeklypattern"),
    ("support", "weeklypattern", "change_weeklypattern"),
    ("support", "weeklypattern", "delete_weeklypattern"),
]

HOLDING = "('new','under_assessment','booked','planned','in_progress','closed')"


def create_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    for app_label, model, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)


def add_exclusion(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    schema_editor.execute(
        "ALTER TABLE support_supportrequest ADD CONSTRAINT support_no_overlapping_meetings "
        "EXCLUDE USING gist (booked_staff_id WITH =, tstzrange(booked_start, booked_end) WITH &&) "
        f"WHERE (state IN {HOLDING} AND booked_staff_id IS NOT NULL)"
    )


def drop_exclusion(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE support_supportrequest DROP CONSTRAINT IF EXISTS "
            "support_no_overlapping_meetings"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.RunPython(create_group, migrations.RunPython.noop),
        migrations.RunPython(add_exclusion, drop_exclusion),
    ]
