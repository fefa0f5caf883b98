"""Reading many cached fragments in one round trip to the cache.

A list of ten method cards, each in its own ``{% cache %}`` block, asked the cache ten times per
page (each a network round trip to Redis in production). ``{% cached_each %}`` reads them all
at once and renders only the ones not in the cache, through the same template and its own
``{% cache %}`` block, which stores them for the next page.
"""

from django import template
from django.core.cache.utils import make_template_fragment_key
from django.utils.safestring import mark_safe

from kcsite.pages.caching import fragment_cache

register = template.Library()


@register.simple_tag(takes_context=True)
def cached_each(context, items, template_name, fragment_name, name="item", load=None):
    """``(item, html)`` for each of ``items``, rendered through ``template_name`` with the item
    as ``name``. The template must keep its output in the block
    ``{% cache fragment_cache_seconds <fragment_name> content_generation LANGUAGE_CODE
    <name>.pk using="fragments" %}``: those entries are read here in one request.

    With ``load``, ``items`` are primary keys and ``load(pks)`` gives ``{pk: object}`` for the
    ones not in the cache (nothing is loaded when every fragment is cached); a key whose object
    is gone is left out."""
    items = list(items)
    pks = items if load else [item.pk for item in items]
    vary = [context.get("content_generation"), context.get("LANGUAGE_CODE")]
    keys = [make_template_fragment_key(fragment_name, [*vary, pk]) for pk in pks]
    found = fragment_cache.get_many(keys) if context.get("fragment_cache_seconds") else {}
    missing = [pk for pk, key in zip(pks, keys, strict=True) if key not in found]
    objects = load(missing) if load and missing else dict(zip(pks, items, strict=True))
    compiled = context.template.engine.get_template(template_name)
    rendered = []
    for item, pk, key in zip(items, pks, keys, strict=True):
        html = found.get(key)
        if html is None:
            if pk not in objects:
                continue
            with context.push(**{name: objects[pk]}):
                html = compiled.render(context)
        rendered.append((item, mark_safe(html)))  # noqa: S308 - rendered by our own template
    return rendered
