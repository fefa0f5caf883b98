"""Team Domino (and Wagtail's Editors) maintain the indicators; Team Domino alone reads the
assessments — the aggregate across schools and the results schools chose to share."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

INDICATORS = [
    (model, f"{action}_{model}")
    for model in ("indicatorset", "area", "statement")
    for action in ("add", "change", "delete", "view")
]
GRANTS = {
    "Team Domino": [*INDICATORS, ("assessment", "view_assessment")],
    "Editors": INDICATORS,
}


def grant(apps, schema_editor):
    config = apps.get_app_config("assessment")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, pairs in GRANTS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *[
                Permission.objects.get(
                    content_type__app_label="assessment",
                    content_type__model=model,
                    codename=codename,
                )
                for model, codename in pairs
            ]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("assessment", "0001_initial"),
        ("support", "0002_team_domino_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
