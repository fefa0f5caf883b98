"""``{% cached_each %}``: a list of cached fragments read in one cache request, and only the
objects whose fragment is not cached loaded and rendered."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.template import Context, Engine

TEMPLATE = (
    "{% load cache %}{% cache fragment_cache_seconds card content_generation LANGUAGE_CODE "
    'item.pk using="fragments" %}<li>{{ item.title }}</li>{% endcache %}'
)


@pytest.fixture
def engine():
    return Engine(
        libraries={
            "fragments": "kcsite.pages.templatetags.fragments",
            "cache": "django.templatetags.cache",
        },
        loaders=[("django.template.loaders.locmem.Loader", {"card.html": TEMPLATE})],
    )


def _render(engine, pks, loaded, *, seconds=60, generation="g1"):
    def load(wanted):
        loaded.append(list(wanted))
        return {pk: SimpleNamespace(pk=pk, title=f"Metod {pk}") for pk in wanted if pk != 99}

    load.do_not_call_in_templates = True
    page = engine.from_string(
        '{% load fragments %}{% cached_each pks "card.html" "card" load=load as cards %}'
        "{% for pk, html in cards %}{{ html }}{% endfor %}"
    )
    context = {
        "pks": pks,
        "load": load,
        "fragment_cache_seconds": seconds,
        "content_generation": generation,
        "LANGUAGE_CODE": "sv",
    }
    return page.render(Context(context))


def test_only_the_missing_fragments_are_loaded_and_a_gone_object_is_left_out(engine):
    cache.clear()
    loaded = []
    first = _render(engine, [1, 2, 99], loaded)
    assert first == "<li>Metod 1</li><li>Metod 2</li>"
    assert loaded == [[1, 2, 99]]
    again = _render(engine, [2, 3, 1], loaded)
    assert again == "<li>Metod 2</li><li>Metod 3</li><li>Metod 1</li>"
    assert loaded[1] == [3]  # 1 and 2 came from the cache


def test_a_new_generation_or_no_fragment_cache_renders_everything_again(engine):
    cache.clear()
    loaded = []
    _render(engine, [1, 2], loaded)
    _render(engine, [1, 2], loaded, generation="g2")
    _render(engine, [1, 2], loaded, seconds=0)
    assert loaded == [[1, 2], [1, 2], [1, 2]]
