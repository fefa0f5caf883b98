"""The attendance network: applications, members, one-time login links and the member pages.

Public side: :class:`NetworkPage` (what the network is and how to join). Members only: the
:class:`MemberAreaPage` subtree (meeting notes, shared material, the member directory), protected
with Wagtail page privacy for the "Network members" group (see ``services.ensure_member_privacy``).
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from kcsite.pages.forms import KcPageForm
from kcsite.pages.models import BasePage
from kcsite.pages.slugs import AsciiSlugMixin
from kcsite.privacy import validate_no_personal_identity_number

MEMBERS_GROUP_NAME = "Network members"


class OrganisationType(models.Model):
    """The kinds of organisation members come from; editors manage the list."""

    name = models.CharField(_("namn (svenska)"), max_length=100)
    name_en = models.CharField(_("namn (engelska)"), max_length=100, blank=True)
    slug = models.SlugField(_("kortnamn"), max_length=50, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    active = models.BooleanField(
        _("visas i ansökan"), default=True, help_text=_("Avmarkera för att dölja typen i ansökan.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("organisationstyp")
        verbose_name_plural = _("organisationstyper")

    def __str__(self):
        return self.label

    @property
    def label(self):
        if (get_language() or "sv").startswith("en") and self.name_en:
            return self.name_en
        return self.name


class MembershipApplication(models.Model):
    """An application to join the network: verified by e-mail, then decided by Team Domino."""

    class Status(models.TextChoices):
        UNVERIFIED = "unverified", _("Väntar på e-postbekräftelse")
        PENDING = "pending", _("Väntar på beslut")
        APPROVED = "approved", _("Godkänd")
        DECLINED = "declined", _("Avslagen")

    name = models.CharField(_("namn"), max_length=150)
    email = models.EmailField(_("e-post i tjänsten"), max_length=254)
    organisation_type = models.ForeignKey(
        OrganisationType,
        verbose_name=_("organisationstyp"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    role = models.CharField(_("roll"), max_length=150)
    motivation = models.TextField(_("motivering"), max_length=1000)
    show_in_directory = models.BooleanField(_("vill synas i medlemsförteckningen"), default=False)
    consent_at = models.DateTimeField(_("samtycke lämnat"))
    language = models.CharField(_("språk"), max_length=8, default="sv")
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.UNVERIFIED
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("ansökt"), default=timezone.now)
    verified_at = models.DateTimeField(_("e-post bekräftad"), null=True, blank=True)
    decided_at = models.DateTimeField(_("beslutad"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beslutad av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_message = models.TextField(
        _("meddelande till den sökande"),
        blank=True,
        validators=[validate_no_personal_identity_number],
    )
    member = models.ForeignKey(
        "membership.Member",
        verbose_name=_("medlem"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("organisation_type"),
        FieldPanel("organisation"),
        FieldPanel("role"),
        FieldPanel("motivation"),
        FieldPanel("show_in_directory"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("medlemsansökan")
        verbose_name_plural = _("medlemsansökningar")
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.name} ({self.organisation})"


class Member(models.Model):
    """A member of the network: a user account without a password, in the members group."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_member"
    )
    name = models.CharField(_("namn"), max_length=150)
    email = models.EmailField(_("e-post i tjänsten"), max_length=254)
    organisation_type = models.ForeignKey(
        OrganisationType,
        verbose_name=_("organisationstyp"),
        on_delete=models.PROTECT,
        related_name="members",
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    role = models.CharField(_("roll"), max_length=150)
    show_in_directory = models.BooleanField(
        _("synas i medlemsförteckningen"),
        default=False,
        help_text=_("Namn, roll, organisation och e-post visas för andra medlemmar."),
    )
    language = models.CharField(
        _("språk för e-post"), max_length=8, choices=settings.LANGUAGES, default="sv"
    )
    receives_messages = models.BooleanField(
        _("får nätverkets utskick"),
        default=True,
        help_text=_("Nyhetsbrev och andra meddelanden till alla medlemmar."),
    )
    joined_at = models.DateTimeField(_("medlem sedan"), default=timezone.now)

    panels = [
        FieldPanel("name"),
        FieldPanel("organisation_type"),
        FieldPanel("organisation"),
        FieldPanel("role"),
        FieldPanel("show_in_directory"),
        FieldPanel("receives_messages"),
        FieldPanel("language"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("medlem")
        verbose_name_plural = _("medlemmar")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="membership_member_email_unique")
        ]

    def __str__(self):
        return f"{self.name} ({self.organisation})"


class LoginToken(models.Model):
    """A one-time login link: only the SHA-256 of the random token is stored."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="login_tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    next_url = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("inloggningslänk")
        verbose_name_plural = _("inloggningslänkar")

    def __str__(self):
        return f"{self.member} ({self.created_at:%Y-%m-%d %H:%M})"


class NetworkMessage(models.Model):
    """A message to every member (e.g. the network newsletter), sent in batches by tasks."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        SENDING = "sending", _("Skickas")
        SENT = "sent", _("Skickat")

    subject = models.CharField(
        _("ämne"), max_length=200, validators=[validate_no_personal_identity_number]
    )
    body = models.TextField(
        _("meddelande"),
        validators=[validate_no_personal_identity_number],
        help_text=_("Ren text; tomma rader blir nya stycken. Skriv inget om enskilda elever."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    created_at = models.DateTimeField(_("skapat"), default=timezone.now, editable=False)
    queued_at = models.DateTimeField(_("skickat iväg"), null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("färdigskickat"), null=True, blank=True, editable=False)
    recipient_count = models.PositiveIntegerField(_("mottagare"), default=0, editable=False)

    panels = [FieldPanel("subject"), FieldPanel("body")]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("utskick till medlemmarna")
        verbose_name_plural = _("utskick till medlemmarna")

    def __str__(self):
        return self.subject

    @property
    def delivered_count(self):
        return self.deliveries.filter(sent_at__isnull=False).count()


class MessageDelivery(models.Model):
    """One member's copy of a message; ``sent_at`` makes batches safe to run again."""

    message = models.ForeignKey(NetworkMessage, on_delete=models.CASCADE, related_name="deliveries")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="deliveries")
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["message", "member"], name="membership_delivery_once")
        ]

    def __str__(self):
        return f"{self.message} → {self.member}"


# -- pages ----------------------------------------------------------------------------------


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
        from .services import member_profile_for, upcoming_network_meetings

        context = super().get_context(request, *args, **kwargs)
        context["meetings"] = upcoming_network_meetings()
        context["member"] = member_profile_for(request.user)
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
        from wagtail.documents import get_document_model

        from .services import member_profile_for

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
        context["member"] = member_profile_for(request.user)
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


class MemberDirectoryPage(MembersOnlyMixin, AsciiSlugMixin, Page):
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

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        from .forms import DirectoryFilterForm
        from .services import directory_members, member_profile_for

        context = super().get_context(request, *args, **kwargs)
        form = DirectoryFilterForm(request.GET or None)
        query, organisation_type = "", None
        if form.is_valid():
            query = form.cleaned_data["q"]
            organisation_type = form.cleaned_data["organisation_type"]
        members = directory_members(query=query, organisation_type=organisation_type)
        paginator = Paginator(members, 25)
        context.update(
            form=form,
            page_obj=paginator.get_page(request.GET.get("page")),
            paginator=paginator,
            member=member_profile_for(request.user),
            filtered=bool(query or organisation_type),
        )
        return context
