"""Each concept's hits with their scores, asked of a backend the cheapest way it allows and kept
in the cache for the content generation.

A new search is mostly new combinations of words already searched for (``frånvaro``,
``vårdnadshavare``); what each word finds changes only when the content or the synonyms do. So
the finder's ranking (``kcsite.search.ranking``) asks the backend one question per *concept*,
not per search text, and each answer is kept under the content generation
(``kcsite.pages.caching.generation``, bumped by every publish, unpublish and import) and the
concept's own query (which holds its synonyms, so a synonym edit asks again). Only concepts not
yet in the cache reach the backend, all of them in one request where the backend allows it:

* the search cluster: one multi-search request, each hit with its BM25 score;
* PostgreSQL's database search: one SQL query over the search index that tells, per indexed
  object, which concepts it holds and each concept's ``ts_rank`` (Wagtail's own query ranks
  every hit with a rank expression per alternative of every concept: ~300 ms for a frequent
  word in 2 000 methods);
* SQLite's full-text index: one ranked query per concept (bm25);
* any other backend: Wagtail's search per concept, scored by position.
"""

import hashlib

from django.conf import settings
from django.db import connections
from django.db.models import CharField
from django.db.models.functions import Cast

from kcsite.pages.caching import fragment_cache, generation

from .services import _is_cluster, _is_postgres, _is_sqlite, _sqlite_ids

CACHE_PREFIX = "concept-hits"


def scope_of(queryset):
    """A short name for the objects ``queryset`` selects (its SQL), for the cache key."""
    return hashlib.sha256(str(queryset.order_by().query).encode()).hexdigest()[:24]


def _key(alias, scope, query, limit):
    digest = hashlib.sha256(f"{alias}|{scope}|{limit}|{query!r}".encode()).hexdigest()
    return f"{CACHE_PREFIX}:{generation()}:{digest}"


def concept_scores(alias, backend, queryset, queries, limit, scope=None):
    """For each Wagtail query in ``queries`` (one per concept): ``{pk: score}`` of its best
    ``limit`` hits among ``queryset`` (``scope``: its ``scope_of``), a higher score a better
    match. Answers already in the cache for this content generation are not asked again."""
    seconds = settings.SEARCH_CONCEPT_CACHE_SECONDS
    scope = scope or scope_of(queryset) if seconds else None
    keys = [_key(alias, scope, query, limit) for query in queries] if seconds else []
    cached = fragment_cache.get_many(keys) if keys else {}
    missing = [i for i in range(len(queries)) if not keys or keys[i] not in cached]
    answers = _ask(backend, queryset, [queries[i] for i in missing], limit)
    found = dict(zip(missing, answers, strict=True))
    if keys and missing:
        fragment_cache.set_many({keys[i]: _packed(found[i]) for i in missing}, seconds)
    return [found[i] if i in found else _unpacked(cached[keys[i]]) for i in range(len(queries))]


def _packed(scores):
    return list(scores), list(scores.values())  # two flat lists pickle smaller than a dict


def _unpacked(value):
    pks, scores = value
    return dict(zip(pks, scores, strict=True))


def _ask(backend, queryset, queries, limit):
    if not queries:
        return []
    if _is_cluster(backend):
        return _cluster_scores(backend, queryset, queries, limit)
    if _is_postgres(backend):
        return _postgres_scores(backend, queryset, queries, limit)
    return [_one_query_scores(backend, queryset, query, limit) for query in queries]


def _cluster_scores(backend, queryset, queries, limit):
    """One multi-search request: each concept's best ``limit`` hits with their scores."""
    index = backend.get_index_for_model(queryset.model).name
    searches = []
    for query in queries:
        results = backend.search(query, queryset.only("pk"))
        body = {**results._get_es_body(), "docvalue_fields": ["pk"], "_source": False}
        body.update({results.fields_param_name: "_none_", "size": limit})
        searches += [{"index": index}, body]
    if backend.use_new_elasticsearch_api:
        response = backend.es.msearch(searches=searches)
    else:
        response = backend.es.msearch(body=searches)
    to_python = queryset.model._meta.pk.to_python
    found = []
    for answer in response["responses"]:
        if "error" in answer:
            raise RuntimeError(f"concept query failed: {answer['error']}")
        hits = answer["hits"]["hits"]
        found.append({to_python(hit["fields"]["pk"][0]): hit["_score"] or 0.0 for hit in hits})
    return found


def _postgres_scores(backend, queryset, queries, limit):
    """One query over PostgreSQL's search index: per indexed object of ``queryset`` that holds
    any of the concepts, each concept's rank (NULL where it does not hold it), ranked as Wagtail
    ranks one query (the title's rank weighted by its norm, plus the body's).

    Written as SQL around the tsqueries Wagtail's own compiler builds: as ORM expressions
    (a ``Case``/``SearchRank`` annotation per concept) the query took three times as long to
    build as PostgreSQL took to answer it."""
    # Imported here: the backend's module and weights exist only with PostgreSQL.
    from modelsearch.backends.database.postgres import postgres as backend_module
    from modelsearch.backends.database.postgres.weights import get_sql_weights
    from modelsearch.utils import get_descendants_content_types_pks

    entries = backend_module.IndexEntry._default_manager
    sql_query = entries.all().query
    compiler = sql_query.get_compiler(using=entries.db)
    tsqueries = []
    for query in queries:
        search = backend.search(query, queryset).query_compiler
        tsquery = search.build_tsquery(search.query, config=search.get_config(backend))
        tsqueries.append(compiler.compile(tsquery.resolve_expression(sql_query)))
    allowed, allowed_params = _allowed_sql(queryset)
    weights = get_sql_weights()
    columns, params = [], []
    for sql, query_params in tsqueries:
        columns.append(
            f"CASE WHEN (e.title @@ {sql} OR e.body @@ {sql}) THEN ts_rank(%s::float4[], e.title, "
            f"{sql}) * e.title_norm + ts_rank(%s::float4[], e.body, {sql}) END"
        )
        params += [*query_params, *query_params, weights, *query_params, weights, *query_params]
    anything = " OR ".join(f"e.title @@ {sql} OR e.body @@ {sql}" for sql, _params in tsqueries)
    anything_params = [param for _sql, query in tsqueries for param in [*query, *query]]
    content_types = list(get_descendants_content_types_pks(queryset.model))
    connection = connections[entries.db]
    statement = (
        f"SELECT e.object_id, {', '.join(columns)} "
        f"FROM {connection.ops.quote_name(entries.model._meta.db_table)} e "
        f"WHERE e.content_type_id = ANY(%s) AND e.object_id IN ({allowed}) AND ({anything})"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, [*params, content_types, *allowed_params, *anything_params])
        rows = cursor.fetchall()
    to_python = queryset.model._meta.pk.to_python
    found = [{} for _ in queries]
    for object_id, *scores in rows:
        pk = to_python(object_id)
        for number, score in enumerate(scores):
            if score is not None:
                found[number][pk] = score
    return [_best(scores, limit) for scores in found]


def _allowed_sql(queryset):
    """The primary keys ``queryset`` selects, as text (the search index's ``object_id``)."""
    pks = queryset.order_by().annotate(_pk_text=Cast("pk", CharField())).values("_pk_text")
    return pks.query.sql_with_params()


def _best(scores, limit):
    if len(scores) <= limit:
        return scores
    return dict(sorted(scores.items(), key=lambda item: -item[1])[:limit])


def _one_query_scores(backend, queryset, query, limit):
    """One concept on SQLite's full-text index (scored by bm25) or on any other backend (scored
    by position, the best 1)."""
    results = backend.search(query, queryset.only("pk"))
    if _is_sqlite(backend):
        ranked = _sqlite_ids(backend, results, queryset, limit, scored=True)
        if ranked is not None:
            return {pk: -score for pk, score in ranked}  # bm25: lower is better
    return {obj.pk: 1 / (position + 1) for position, obj in enumerate(results[:limit])}
