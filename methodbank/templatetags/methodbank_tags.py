from functools import lru_cache

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from methodbank import taxonomy

register = template.Library()
PERFORMER_LABELS = dict(taxonomy.PERFORMERS)
CHECKED = " checked"
FACET_OPTION = (
    '<div class="facet__option">'
    '<input type="checkbox" id="f-{0}-{1}" name="{0}" value="{1}"{2}>'
    '<label for="f-{0}-{1}">{3} <span class="facet__count">({4}'
    '<span class="visually-hidden"> {5}</span>)</span></label></div>'
)


@register.filter
def performer_label(code):
    """The translated label of a performer code (empty for an unknown code)."""
    return PERFORMER_LABELS.get(code, "")


@lru_cache(maxsize=32)
def _escaped_labels(language, param):
    """``{code: label}`` of one facet in one language, escaped for HTML (the labels are the
    taxonomy's fixed, translated strings)."""
    facet = taxonomy.FACETS_BY_PARAM[param]
    return {code: escape(str(label)) for code, label in facet.labels.items()}


@register.simple_tag
def facet_options(group, methods_word):
    """The finder's checkboxes of one facet group, each with its label and count, as one piece
    of markup. As a template loop the 31 options took a fifth of the finder page's rendering on
    every search; the labels are escaped once per language and facet, the codes are the
    taxonomy's (escaped too) and the counts are numbers."""
    labels = _escaped_labels(get_language(), group.param)
    param, word = escape(group.param), escape(methods_word)
    options = (
        FACET_OPTION.format(
            param,
            escape(value.code),
            CHECKED if value.selected else "",
            labels[value.code],
            int(value.count),
            word,
        )
        for value in group.values
    )
    return mark_safe("\n".join(options))  # noqa: S308 - every part escaped above
