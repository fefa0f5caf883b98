import os
import subprocess
import sys
from pathlib import Path

import pytest

from kcsite.search.config import build_search_backends, swedish_index_settings

ROOT = Path(__file__).resolve().parents[2]


def test_embedded_default_is_database_search():
    backends = build_search_backends()
    assert backends == {
        "default": {
            "BACKEND": "wagtail.search.backends.database",
            "SEARCH_CONFIG": "swedish_unaccent",
        }
    }


def test_elasticsearch8_is_built_from_the_environment():
    backends = build_search_backends(
        elasticsearch_url="https://user:secret@search.example.org:9243",
        engine="elasticsearch8",
        index="kc",
    )
    default = backends["default"]
    assert default["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert default["URLS"] == ["https://user:secret@search.example.org:9243"]
    assert default["INDEX_PREFIX"] == "kc_"
    assert default["INDEX_SETTINGS"] == swedish_index_settings()
    assert backends["database"]["BACKEND"] == "wagtail.search.backends.database"


def test_elasticsearch8_backend_instantiates_with_the_swedish_settings():
    from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend

    params = build_search_backends(elasticsearch_url="http://127.0.0.1:1", engine="elasticsearch8")
    params = dict(params["default"])
    params.pop("BACKEND")
    backend = Elasticsearch8SearchBackend(params)
    analysis = backend.settings["settings"]["analysis"]
    assert "sv_stemmer" in analysis["analyzer"]["default"]["filter"]
    assert analysis["filter"]["sv_folding"] == {"type": "asciifolding", "preserve_original": True}
    assert analysis["filter"]["sv_stemmer"]["language"] == "light_swedish"
    # Wagtail's own analyzers survive the merge
    assert "ngram_analyzer" in analysis["analyzer"]


def test_engine_is_guessed_from_the_url_and_validated():
    assert (
        build_search_backends(elasticsearch_url="http://opensearch:9200")["default"]["BACKEND"]
        == "wagtail.search.backends.opensearch2"
    )
    assert (
        build_search_backends(elasticsearch_url="http://es:9200")["default"]["BACKEND"]
        == "wagtail.search.backends.elasticsearch8"
    )
    with pytest.raises(ValueError, match="SEARCH_ENGINE"):
        build_search_backends(elasticsearch_url="http://es:9200", engine="solr")
    with pytest.raises(ValueError, match="http"):
        build_search_backends(elasticsearch_url="es:9200")


def _django(args, **env):
    clean = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = _django(["check"], DJANGO_ENV="production", ALLOWED_HOSTS="kc.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_debug():
    result = _django(
        ["check"],
        DJANGO_ENV="production",
        SECRET_KEY="x" * 60,
        DEBUG="on",
        ALLOWED_HOSTS="kc.example.org",
    )
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


def test_check_deploy_is_clean_in_production():
    result = _django(
        ["check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_ENV="production",
        SECRET_KEY="k3Y-" + "a9Zq" * 16,
        ALLOWED_HOSTS="kc.example.org",
        CACHE_URL="rediscache://127.0.0.1:6379/1",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout
