from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from methodbank import taxonomy

register = template.Library()
PERFORMER_LABELS = dict(taxonomy.PERFORMERS)
CHECKED = mark_safe(" checked")  # noqa: S308 - a fixed attribute
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


@register.simple_tag
def facet_options(group, methods_word):
    """The finder's checkboxes of one facet group, each with its label and count, as one piece
    of escaped markup: as a template loop the 31 options took a fifth of the finder page's
    rendering on every search."""
    return format_html_join(
        "\n",
        FACET_OPTION,
        (
            (group.param, value.code, CHECKED if value.selected else "")
            + (value.label, value.count, methods_word)
            for value in group.values
        ),
    )
