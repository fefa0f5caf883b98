"""Small helpers every process of the network uses."""

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from kcsite.links import absolute_url

from ..models.members import MEMBERS_GROUP_NAME


def normalise_email(address):
    return (address or "").strip().lower()


def public_url(name, language, *args):
    """The absolute URL of URL ``name`` in ``language`` (for e-mails)."""
    with translation.override(language):
        return absolute_url(reverse(name, args=args))


def members_group():
    return Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)[0]
