"""The home page, generic content pages and site-wide settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BaseStreamBlock
from .forms import KcPageForm
from .restrictions import view_restrictions
from .slugs import AsciiSlugMixin


class PageContextMixin:
    """A page whose template needs more than the page: ``page_context(request)`` returns the
    rest (an app's page views build it) and Wagtail's context is updated with it."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.page_context(request))
        return context

    def page_context(self, request):
        return {}


class RememberedRestrictionsMixin:
    """View restrictions looked up once per content generation, not on every view."""

    def get_view_restrictions(self):
        """Wagtail's answer, remembered per content generation (``kcsite.pages.restrictions``);
        a page not saved yet (a preview of a new page) asks the database."""
        if self.pk is None:
            return super().get_view_restrictions()
        return view_restrictions(self, super().get_view_restrictions)


class BasePage(RememberedRestrictionsMixin, PageContextMixin, AsciiSlugMixin, Page):
    """Fields every content page shares: an intro and a StreamField body."""

    intro = models.TextField(_("ingress"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("innehåll"))

    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.AutocompleteField("title"),
    ]
    content_panels = Page.content_panels + ["intro", "body"]
    base_form_class = KcPageForm

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.intro[:160]


class HomePage(BasePage):
    """The start page: what the knowledge centre offers and the ways in."""

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entry_points"] = [
            {"title": child.title, "url": child.get_url(request), "text": child.search_description}
            for child in self.get_children().live().public().in_menu()
        ]
        # Apps add areas (next events, news …) through the ``home_page_areas`` hook: a function
        # taking (request, page) and returning a dict with ``template`` or None.
        areas = (fn(request, self) for fn in hooks.get_hooks("home_page_areas"))
        context["home_areas"] = [area for area in areas if area]
        return context

    class Meta:
        verbose_name = _("startsida")
        verbose_name_plural = _("startsidor")


class StandardPage(BasePage):
    """A generic content page (about, contact, accessibility statement …)."""

    class Meta:
        verbose_name = _("standardsida")
        verbose_name_plural = _("standardsidor")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details in the footer and the accessibility statement link."""

    organisation = models.CharField(
        _("organisation"), max_length=200, default="Borås Stad, Grundskoleförvaltningen"
    )
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    address = models.TextField(_("postadress"), blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tillgänglighetsredogörelse"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("kontaktsida"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            ["organisation", "email", "phone", "address"],
            heading=_("Kontaktuppgifter"),
        ),
        PageChooserPanel("contact_page"),
        PageChooserPanel("accessibility_page"),
    ]

    class Meta:
        verbose_name = _("webbplatsinställningar")
