from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def email_wbr(address):
    """An e-mail address that may wrap only after its @ (never mid-word) on a narrow screen."""
    local, at, domain = str(address).partition("@")
    if not at:
        return address
    return format_html("{}@<wbr>{}", local, domain)
