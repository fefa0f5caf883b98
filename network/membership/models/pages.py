"""The network's pages: the public network page and the members-only area under it.

What a page shows beyond its own fields (the visitor's membership, the next meetings, the
directory's search) comes from :mod:`network.membership.page_views`, which imports no page model.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from kcsite.pages.forms import KcPageForm
from kcsite.pages.models import BasePage, PageContextMixin
from kcsite.pages.slugs import AsciiSlugMixin

from .. import page_views


class NetworkPage(BasePage):
    """The public page of the attendance network: what it is, who can join and how."""

    who_can_join = RichTextField(_("vem kan gå med"), blank=True)
    member_benefits = RichTextField(_("vad medlemmar får"), blank=True)
    how_to_apply = RichTextField(_("så ansöker du"), blank=True)
    data_handling_text = RichTextField(
        _("text om personuppgifter"),
        blank=True,
        help_text=_("Visas i ansökan; den sökande samtycker till den."),
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("who_can_join"),
        index.SearchField("member_benefits"),
    ]
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("who_can_join"),
                FieldPanel("member_benefits"),
                FieldPanel("how_to_apply"),
                FieldPanel("data_handling_text"),
            ],
            heading=_("Medlemskap"),
        )
    ]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["membership.MemberAreaPage", "pages.StandardPage"]
    template = "membership/network_page.html"

    class Meta:
        verbose_name = _("nätverkssida")
        verbose_name_plural = _("nätverkssidor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_views.network_page_context(request))
        context["member_area"] = (
            self.get_children().live().type(MemberAreaPage).first() if context["member"] else None
        )
        return context


class MembersOnlyMixin:
    """Pages under the member area: never listed in the sitemap, whatever their privacy says."""

    def get_sitemap_urls(self, request=None):
        return []


class MemberAreaPage(MembersOnlyMixin, BasePage):
    """The start of the members-only area: meeting notes, shared material, the directory."""

    material_collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("samling med delat material"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Dokumenten i samlingen visas för medlemmar; samlingen görs privat för "
            "nätverkets medlemmar när sidan sparas."
        ),
    )

    content_panels = BasePage.content_panels + [FieldPanel("material_collection")]
    parent_page_types = ["membership.NetworkPage"]
    subpage_types = [
        "membership.MeetingNotesPage",
        "membership.MemberDirectoryPage",
        "pages.StandardPage",
    ]
    max_count_per_parent = 1
    template = "membership/member_area_page.html"

    class Meta:
        verbose_name = _("medlemsyta")
        verbose_name_plural = _("medlemsytor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().specific()
        context["meeting_notes"] = sorted(
            (c for c in children if isinstance(c, MeetingNotesPage)),
            key=lambda p: p.meeting_date,
            reverse=True,
        )
        context["other_pages"] = [c for c in children if not isinstance(c, MeetingNotesPage)]
        documents = get_document_model().objects.none()
        if self.material_collection_id:
            collections = self.material_collection.get_descendants(inclusive=True)
            documents = get_document_model().objects.filter(collection__in=collections)
        context["documents"] = documents.order_by("title")
        context.update(page_views.member_context(request))
        return context


class MeetingNotesPage(MembersOnlyMixin, BasePage):
    """Notes from one network meeting."""

    meeting_date = models.DateField(_("mötesdatum"))

    content_panels = Page.content_panels + [
        FieldPanel("meeting_date"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["membership.MemberAreaPage"]
    subpage_types = []
    template = "membership/meeting_notes_page.html"

    class Meta:
        verbose_name = _("minnesanteckningar")
        verbose_name_plural = _("minnesanteckningar")


class MemberDirectoryPage(PageContextMixin, MembersOnlyMixin, AsciiSlugMixin, Page):
    """The member directory: members who chose to be listed, searchable and filterable."""

    intro = models.TextField(_("ingress"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    base_form_class = KcPageForm
    parent_page_types = ["membership.MemberAreaPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "membership/member_directory_page.html"

    class Meta:
        verbose_name = _("medlemsförteckning")
        verbose_name_plural = _("medlemsförteckningar")

    def get_meta_description(self):
        return self.search_description or self.intro[:160]

    def page_context(self, request):
        return page_views.directory_context(request)
