"""PostgreSQL only: the ``swedish_unaccent`` text search configuration and trigram support.

``swedish_unaccent`` is PostgreSQL's ``swedish`` configuration with ``unaccent`` applied before
the Swedish stemmer, so *narvaro* typed on a phone finds *närvaro*. ``f_unaccent`` and
``pg_trgm`` serve Wagtail's fuzzy (trigram) search.
"""

from django.db import migrations

FORWARD = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $func$ SELECT public.unaccent('public.unaccent', $1) $func$;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'swedish_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION swedish_unaccent (COPY = pg_catalog.swedish);
        ALTER TEXT SEARCH CONFIGURATION swedish_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, swedish_stem;
    END IF;
END
$$;
"""

BACKWARD = "DROP TEXT SEARCH CONFIGURATION IF EXISTS swedish_unaccent;"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = []
    operations = [migrations.RunPython(forward, backward)]
