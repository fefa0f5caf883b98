"""The indicator snippets become translatable (wagtail-localize): every set, area and statement
gets a locale and a translation key. Existing rows are the originals, in the default language;
one set stays active per language."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from wagtail.coreutils import get_supported_content_language_variant

MODELS = ("indicatorset", "area", "statement")


def fill_locale_and_translation_key(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    locale = None
    for name in MODELS:
        model = apps.get_model("assessment", name)
        for row in model.objects.filter(translation_key__isnull=True).iterator():
            if locale is None:
                code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
                locale, _created = Locale.objects.get_or_create(language_code=code)
            row.translation_key = uuid.uuid4()
            row.locale = locale
            row.save(update_fields=["translation_key", "locale"])


def _new_fields(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
    ]


def _required_fields(model_name):
    return [
        migrations.AlterField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name=model_name, unique_together={("translation_key", "locale")}
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("assessment", "0002_team_domino_permissions"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        *[operation for name in MODELS for operation in _new_fields(name)],
        migrations.RunPython(fill_locale_and_translation_key, migrations.RunPython.noop),
        *[operation for name in MODELS for operation in _required_fields(name)],
        migrations.RemoveConstraint(model_name="indicatorset", name="assessment_one_active_set"),
        migrations.AddConstraint(
            model_name="indicatorset",
            constraint=models.UniqueConstraint(
                condition=models.Q(is_active=True),
                fields=("locale",),
                name="assessment_one_active_set",
            ),
        ),
    ]
