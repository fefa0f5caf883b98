from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from kcsite.forms import EmailAddressField, PublicForm, PublicFormMixin
from kcsite.linkmail import LinkRequestForm
from kcsite.privacy import NoPupilDataFormMixin

from .models.members import Member, OrganisationType


class OrganisationTypeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class ApplicationForm(PublicForm):
    character_count = ("motivation",)

    name = forms.CharField(
        label=_("Namn"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = EmailAddressField(
        help_text=_("Vi skickar en länk dit som du klickar på för att bekräfta adressen.")
    )
    organisation_type = OrganisationTypeChoiceField(
        label=_("Typ av organisation"),
        queryset=OrganisationType.objects.filter(active=True),
        empty_label=_("Välj …"),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        help_text=_("Till exempel skolans eller enhetens namn."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.CharField(
        label=_("Roll"),
        max_length=150,
        help_text=_("Till exempel kurator, rektor, socialsekreterare."),
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    motivation = forms.CharField(
        label=_("Kort motivering"),
        max_length=1000,
        help_text=_(
            "Varför vill du gå med? Högst 1 000 tecken. Skriv inget som kan identifiera en elev."
        ),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
    )
    show_in_directory = forms.BooleanField(
        label=_("Visa mig i medlemsförteckningen (namn, roll, organisation och e-post)"),
        required=False,
        help_text=_("Bara andra medlemmar ser förteckningen. Du kan ändra det senare."),
    )
    consent = forms.BooleanField(
        label=_("Jag har läst texten om hur mina personuppgifter hanteras och samtycker till den"),
        error_messages={"required": _("Du behöver samtycka för att kunna ansöka.")},
    )


class LoginLinkForm(LinkRequestForm):
    next = forms.CharField(required=False, widget=forms.HiddenInput, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-post i tjänsten")
        self.fields["email"].help_text = _("Den adress du är medlem med.")


class ProfileForm(PublicFormMixin, forms.ModelForm):
    organisation_type = OrganisationTypeChoiceField(
        label=_("Typ av organisation"), queryset=OrganisationType.objects.all(), empty_label=None
    )
    language = forms.ChoiceField(label=_("Språk för e-post"), choices=settings.LANGUAGES)

    class Meta:
        model = Member
        fields = [
            "name",
            "organisation_type",
            "organisation",
            "role",
            "show_in_directory",
            "receives_messages",
        ]
        labels = {
            "receives_messages": _("Ta emot nätverkets utskick via e-post"),
            "name": _("Namn"),
            "organisation": _("Organisation"),
            "role": _("Roll"),
            "show_in_directory": _("Visa mig i medlemsförteckningen"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = self.instance.language
        self.order_fields([*self.Meta.fields, "language"])

    def save(self, commit=True):
        self.instance.language = self.cleaned_data["language"]
        return super().save(commit=commit)


class DirectoryFilterForm(PublicFormMixin, forms.Form):
    mark_optional = False

    q = forms.CharField(label=_("Sök på namn, roll eller organisation"), required=False)
    organisation_type = OrganisationTypeChoiceField(
        label=_("Typ av organisation"),
        queryset=OrganisationType.objects.all(),
        required=False,
        empty_label=_("Alla"),
    )

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())[:100]


class DecisionForm(NoPupilDataFormMixin, forms.Form):
    """The message to the applicant(s) on the confirmation page of "Godkänn" and "Avslå" in
    the admin (the staff-actions kit passes ``reason`` to the workflow as the decision
    message; an admin form, so Wagtail renders it, not the public-form kit)."""

    reason = forms.CharField(
        label=_("Meddelande till den sökande"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Skickas i e-postmeddelandet om beslutet."),
    )
