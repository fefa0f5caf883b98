#!/usr/bin/env bash
# Checks that a running OpenSearch node has the analysis features the project needs, printing
# OK/FAIL for each (exit 1 on any FAIL): _analyze with each filter/tokenizer, then an index built
# from all of them (documents, searches, fuzziness), then the project's own index settings.
#
#   bash ops/opensearch/verify.sh [URL]   # default: $TEST_OPENSEARCH_URL, else http://127.0.0.1:9250
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
URL=${1:-${TEST_OPENSEARCH_URL:-http://127.0.0.1:${KC_OPENSEARCH_PORT:-9250}}}
PY=python3
[ -x "$REPO/.venv/bin/python" ] && PY=$REPO/.venv/bin/python  # to read the project's settings too
cd "$REPO"
exec "$PY" - "$URL" <<'PYEOF'
import json, os, sys, urllib.error, urllib.request

URL = sys.argv[1].rstrip("/")
INDEX = f"kc_verify_{os.getpid()}"
failures = 0


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(URL + path, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.load(resp)
    except urllib.error.HTTPError as err:
        raise AssertionError(f"HTTP {err.code}: {err.read().decode()[:300]}") from None


def check(name, fn):
    global failures
    try:
        detail = fn()
        print(f"OK    {name}: {detail}")
    except Exception as err:  # noqa: BLE001 - report every kind of failure
        failures += 1
        print(f"FAIL  {name}: {err}")


def tokens(text, tokenizer="standard", filters=(), index=None, analyzer=None):
    body = {"text": text}
    if analyzer:
        body["analyzer"] = analyzer
    else:
        body.update(tokenizer=tokenizer, filter=list(filters))
    path = f"/{index}/_analyze" if index else "/_analyze"
    return [t["token"] for t in call("POST", path, body)["tokens"]]


def expect(got, *wanted, absent=()):
    missing = [w for w in wanted if w not in got]
    present = [a for a in absent if a in got]
    assert not missing and not present, f"got {got}, missing {missing}, unexpected {present}"
    return f"{got}"


HYPHENATION = {"type": "hyphenation_decompounder", "hyphenation_patterns_path": "analysis/hyphenation_sv.xml",
               "word_list": ["skol", "frånvaro", "närvaro"], "only_longest_match": True}


def node():
    info = call("GET", "/")
    health = call("GET", "/_cluster/health")
    assert info["version"]["number"].startswith("2.19"), info["version"]
    assert health["status"] in ("green", "yellow"), health
    return f"OpenSearch {info['version']['number']}, cluster {info['cluster_name']}, {health['status']}"


def stems_equal(language):
    filters = ["lowercase", {"type": "stemmer", "language": language}]
    a, b = tokens("nivåerna", filters=filters), tokens("nivåer", filters=filters)
    assert a == b, f"nivåerna → {a}, nivåer → {b}"
    return f"nivåerna → {a}, nivåer → {b}"


check("node", node)
check("lowercase", lambda: expect(tokens("NÄRVARO Skola", filters=["lowercase"]), "närvaro", "skola"))
check("asciifolding preserve_original", lambda: expect(
    tokens("närvaro", filters=[{"type": "asciifolding", "preserve_original": True}]), "närvaro", "narvaro"))
check("stemmer swedish", lambda: stems_equal("swedish"))
check("stemmer light_swedish", lambda: stems_equal("light_swedish"))
check("dictionary_decompounder (inline word_list)", lambda: expect(tokens("skolfrånvaro", filters=[
    {"type": "dictionary_decompounder", "word_list": ["skol", "frånvaro"]}]), "skolfrånvaro", "skol", "frånvaro"))
check("hyphenation_decompounder (inline word_list)", lambda: expect(
    tokens("skolfrånvaro", filters=["lowercase", HYPHENATION]), "skolfrånvaro", "skol", "frånvaro"))
check("synonym_graph (inline)", lambda: expect(tokens("ogiltig frånvaro", filters=[
    "lowercase", {"type": "synonym_graph", "synonyms": ["ogiltig frånvaro, skolk"]}]), "skolk", "frånvaro"))
check("synonym (inline)", lambda: expect(tokens("frånvaro", filters=[
    "lowercase", {"type": "synonym", "synonyms": ["frånvaro => frånvaro, skolk"]}]), "skolk", "frånvaro"))
check("edge_ngram tokenizer", lambda: expect(tokens(
    "närvaro", tokenizer={"type": "edge_ngram", "min_gram": 2, "max_gram": 5}), "nä", "närva", absent=["närvar"]))
check("edge_ngram filter", lambda: expect(tokens(
    "Närvaro", filters=["lowercase", {"type": "edge_ngram", "min_gram": 1, "max_gram": 15}]), "n", "närv", "närvaro"))

SETTINGS = {
    "settings": {"number_of_shards": 1, "number_of_replicas": 0, "analysis": {
        "filter": {
            "sv_folding": {"type": "asciifolding", "preserve_original": True},
            "sv_stemmer": {"type": "stemmer", "language": "light_swedish"},
            "sv_decompound": {"type": "dictionary_decompounder", "word_list": ["skol", "frånvaro", "närvaro"],
                              "min_subword_size": 4, "only_longest_match": True},
            "sv_hyphenation": HYPHENATION,
            "sv_synonyms": {"type": "synonym_graph", "synonyms": ["skolk, ogiltig frånvaro"]},
            "edgengram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 15},
            "unique_tokens": {"type": "unique", "only_on_same_position": True},
        },
        "tokenizer": {"edge": {"type": "edge_ngram", "min_gram": 2, "max_gram": 10, "token_chars": ["letter"]}},
        "analyzer": {
            "default": {"type": "custom", "tokenizer": "standard", "filter": [
                "lowercase", "sv_decompound", "sv_hyphenation", "sv_folding", "sv_stemmer", "unique_tokens"]},
            "sv_search": {"type": "custom", "tokenizer": "standard", "filter": [
                "lowercase", "sv_synonyms", "sv_folding", "sv_stemmer"]},
            "edgengram_analyzer": {"type": "custom", "tokenizer": "standard",
                                   "filter": ["lowercase", "asciifolding", "edgengram"]},
            "folded": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
            "edge_tokenizer_analyzer": {"type": "custom", "tokenizer": "edge", "filter": ["lowercase"]},
        },
    }},
    "mappings": {"properties": {
        "title": {"type": "text", "fields": {
            "plain": {"type": "text", "analyzer": "standard"},
            "edge": {"type": "text", "analyzer": "edgengram_analyzer", "search_analyzer": "folded"}}},
        "body": {"type": "text", "search_analyzer": "sv_search"},
    }},
}
DOCS = [
    {"title": "Närvaroarbete i skolan", "body": "Främjande arbete för närvaro."},
    {"title": "Tre nivåer av stöd", "body": "Ogiltig frånvaro och skolfrånvaro."},
]


def search(query):
    hits = call("POST", f"/{INDEX}/_search", {"query": query})["hits"]["hits"]
    return [hit["_source"]["title"] for hit in hits]


def finds(query, title):
    got = search(query)
    assert title in got, f"{json.dumps(query, ensure_ascii=False)} → {got}"
    return f"{json.dumps(query, ensure_ascii=False)} → {got}"


def create_index():
    call("PUT", f"/{INDEX}", SETTINGS)
    for i, doc in enumerate(DOCS):
        call("PUT", f"/{INDEX}/_doc/{i}", doc)
    call("POST", f"/{INDEX}/_refresh")
    return f"index {INDEX} with all the filters above, {len(DOCS)} documents"


check("index creation", create_index)
check("search: folded + decompounded", lambda: finds({"match": {"title": "narvaroarbete"}}, DOCS[0]["title"]))
check("search: stemmed", lambda: finds({"match": {"title": "nivåerna"}}, DOCS[1]["title"]))
check("search: compound part", lambda: finds({"match": {"body": "frånvaro"}}, DOCS[1]["title"]))
check("search: synonym_graph at search time", lambda: finds({"match": {"body": "skolk"}}, DOCS[1]["title"]))
check("search: edge_ngram (autocomplete)", lambda: finds({"match": {"title.edge": "närv"}}, DOCS[0]["title"]))
check("search: edge_ngram tokenizer", lambda: expect(
    tokens("Närvaro", analyzer="edge_tokenizer_analyzer", index=INDEX), "nä", "närvaro"))
def fuzzy():
    typo = {"query": "närvaroarbte", "fuzziness": "AUTO"}  # a letter missing
    assert not search({"match": {"title.plain": typo["query"]}}), "the typo matched even without fuzziness"
    return finds({"match": {"title.plain": typo}}, DOCS[0]["title"]) + " (no hit without fuzziness)"


check("search: match with fuzziness", fuzzy)


def project_settings():
    try:
        sys.path.insert(0, ".")
        from kcsite.search.config import swedish_index_settings
    except Exception as err:  # noqa: BLE001
        return f"skipped (cannot import kcsite.search.config: {err})"
    settings = swedish_index_settings()
    # Wagtail adds its own edgengram filter and mappings; mirror the filter so the analyzer resolves.
    settings["settings"]["analysis"]["filter"].setdefault(
        "edgengram", {"type": "edge_ngram", "min_gram": 1, "max_gram": 15})
    name = INDEX + "_project"
    call("PUT", f"/{name}", settings)
    try:
        got = tokens("Närvaroarbete på nivåerna", analyzer="default", index=name)
    finally:
        call("DELETE", f"/{name}")
    return expect(got, "närvaro", "narvaro", "nivå")


check("project index settings (kcsite.search.config)", project_settings)
try:
    call("DELETE", f"/{INDEX}")
except Exception:  # noqa: BLE001
    pass
print(f"{'FAILED' if failures else 'all OK'}: {failures} failed")
sys.exit(1 if failures else 0)
PYEOF
