"""Who belongs to the network: organisation types, applications, members and login links."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

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


def _organisation_type(related_name):
    return models.ForeignKey(
        OrganisationType,
        verbose_name=_("organisationstyp"),
        on_delete=models.PROTECT,
        related_name=related_name,
    )


class Person(models.Model):
    """Who someone in the network is: the same on an application and on a member."""

    name = models.CharField(_("namn"), max_length=150)
    email = models.EmailField(_("e-post i tjänsten"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200)
    role = models.CharField(_("roll"), max_length=150)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.name} ({self.organisation})"


class MembershipApplication(Person):
    """An application to join the network: verified by e-mail, then decided by Team Domino."""

    class Status(models.TextChoices):
        UNVERIFIED = "unverified", _("Väntar på e-postbekräftelse")
        PENDING = "pending", _("Väntar på beslut")
        APPROVED = "approved", _("Godkänd")
        DECLINED = "declined", _("Avslagen")

    organisation_type = _organisation_type("applications")
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


class Member(Person):
    """A member of the network: a user account without a password, in the members group."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_member"
    )
    organisation_type = _organisation_type("members")
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
