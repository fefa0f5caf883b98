from django import template
from django.utils.html import format_html

from ..models import Member

register = template.Library()


@register.filter
def email_wbr(address):
    """An e-mail address that may wrap only after its @ (never mid-word) on a narrow screen."""
    local, at, domain = str(address).partition("@")
    if not at:
        return address
    return format_html("{}@<wbr>{}", local, domain)


@register.simple_tag
def members_receiving_messages():
    """How many members a message sent now would go to (the admin's confirmation page)."""
    return Member.objects.filter(receives_messages=True).count()
