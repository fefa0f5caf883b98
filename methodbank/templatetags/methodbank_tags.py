from django import template

from methodbank import taxonomy

register = template.Library()
PERFORMER_LABELS = dict(taxonomy.PERFORMERS)


@register.filter
def performer_label(code):
    """The translated label of a performer code (empty for an unknown code)."""
    return PERFORMER_LABELS.get(code, "")
