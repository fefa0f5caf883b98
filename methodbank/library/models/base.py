"""The library's page base: the site's BasePage with the library's StreamField."""

from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField

from kcsite.pages.models import BasePage

from ..blocks import LibraryStreamBlock


class LibraryBasePage(BasePage):
    """BasePage with the library's StreamField (shared blocks + the absence calculator)."""

    body = StreamField(LibraryStreamBlock(), blank=True, verbose_name=_("innehåll"))

    class Meta:
        abstract = True
