"""Search backend configuration built from the environment (called once, from settings).

Production uses an Elasticsearch-family cluster: Elasticsearch 8 (Wagtail's ``elasticsearch8``
backend) or OpenSearch 2 (``opensearch2``). Both get the same Swedish index settings. The
database backend is always configured as well, under the alias ``database``: Wagtail keeps it
up to date on every save, so site search can fall back to it when the cluster is down.
"""

from pathlib import Path
from urllib.parse import urlsplit

ENGINES = {
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "opensearch2": "wagtail.search.backends.opensearch2",
}
# On PostgreSQL the database backend uses ``swedish_unaccent``: PostgreSQL's ``swedish``
# configuration with accents folded first (created by this app's migration).
DATABASE_BACKEND = {
    "BACKEND": "wagtail.search.backends.database",
    "SEARCH_CONFIG": "swedish_unaccent",
}
WORD_LISTS = Path(__file__).resolve().parent / "wordlists"


def swedish_index_settings():
    """Analysis settings for Swedish text, shared by Elasticsearch 8 and OpenSearch 2.

    Text is lowercased, folded to ASCII while keeping the original token (so *narvaro* and
    *närvaro* both match) and stemmed with the Swedish stemmer. Compound words are split in
    Python with the Swedish lexicon (``kcsite.search.lexicon``) when a method is indexed (its
    ``compound_parts`` field), the same split for every backend, so the cluster needs no word
    list of its own. The ``default`` analyzer applies to every text field Wagtail maps,
    including its catch-all ``_all_text`` field.
    """
    filters = ["lowercase", "sv_folding", "sv_stemmer", "unique_tokens"]
    return {
        "settings": {
            "analysis": {
                "filter": {
                    "sv_folding": {"type": "asciifolding", "preserve_original": True},
                    "sv_stemmer": {"type": "stemmer", "language": "light_swedish"},
                    "unique_tokens": {"type": "unique", "only_on_same_position": True},
                },
                "analyzer": {
                    "default": {"type": "custom", "tokenizer": "standard", "filter": filters},
                    "edgengram_analyzer": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["lowercase", "asciifolding", "edgengram"],
                    },
                },
            }
        }
    }


def build_search_backends(*, elasticsearch_url="", engine="", index="kunskapscentrum", timeout=2.0):
    """Return ``WAGTAILSEARCH_BACKENDS`` for the given environment values.

    Without a URL the database backend is the default. With one, the engine is taken from
    ``engine`` (``elasticsearch8`` or ``opensearch2``), else guessed from the URL (a host or
    scheme mentioning OpenSearch), else Elasticsearch 8. ``timeout`` (seconds) bounds each
    request to the cluster, which is never retried: a hanging cluster costs one short timeout,
    then the circuit breaker (``kcsite.search.circuit``) skips it for a while.
    """
    if not elasticsearch_url:
        return {"default": dict(DATABASE_BACKEND)}
    engine = (engine or "").strip().lower()
    if not engine:
        engine = "opensearch2" if "opensearch" in elasticsearch_url.lower() else "elasticsearch8"
    if engine not in ENGINES:
        raise ValueError(
            f"SEARCH_ENGINE must be one of {', '.join(sorted(ENGINES))}, not {engine!r}"
        )
    urls = [url.strip() for url in elasticsearch_url.split(",") if url.strip()]
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"ELASTICSEARCH_URL must hold http(s) URLs, not {url!r}")
    return {
        "default": {
            "BACKEND": ENGINES[engine],
            "URLS": urls,
            "INDEX_PREFIX": f"{index}_",
            "TIMEOUT": timeout,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
            "INDEX_SETTINGS": swedish_index_settings(),
        },
        "database": dict(DATABASE_BACKEND),
    }
