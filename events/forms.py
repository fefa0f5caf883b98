from django import forms
from django.utils.translation import gettext_lazy as _

from kcsite.antispam import HoneypotFormMixin
from kcsite.forms import EmailAddressField, PublicFormMixin
from kcsite.privacy import NoPupilDataFormMixin

from .models.choices import Adaptation
from .models.registrations import Registration
from .services.registering import RegistrationDetails

ADAPTATIONS_HELP = _(
    "Välj det som hjälper dig att delta. Skriv inga uppgifter om din eller någon annans hälsa "
    "– vi behöver bara veta vad vi ska ordna."
)


class DetailsForm(PublicFormMixin, forms.Form):
    """What a person tells about themselves: asked when registering, changed by the link."""

    name = forms.CharField(
        label=_("Namn"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    organisation = forms.CharField(
        label=_("Organisation eller skola"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.CharField(
        label=_("Roll"),
        max_length=150,
        help_text=_("Till exempel mentor, kurator, rektor eller socialsekreterare."),
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    school_unit = forms.CharField(label=_("Skolenhet"), max_length=200, required=False)
    adaptations = forms.MultipleChoiceField(
        label=_("Behov av anpassning"),
        choices=Adaptation.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=ADAPTATIONS_HELP,
    )
    adaptations_other = forms.CharField(
        label=_("Annan praktisk anpassning"),
        max_length=300,
        required=False,
        help_text=_("Till exempel ”behöver sitta nära dörren”. Skriv inte varför."),
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if not event.ask_school_unit:
            del self.fields["school_unit"]
        if not event.ask_adaptations:
            del self.fields["adaptations"]
            del self.fields["adaptations_other"]

    def details(self, email=""):
        data = self.cleaned_data
        return RegistrationDetails(
            name=data["name"],
            email=email or data.get("email", ""),
            organisation=data["organisation"],
            role=data["role"],
            school_unit=data.get("school_unit", ""),
            adaptations=tuple(data.get("adaptations") or ()),
            adaptations_other=data.get("adaptations_other", ""),
        )

    @classmethod
    def initial_from(cls, registration: Registration):
        return {
            "name": registration.name,
            "organisation": registration.organisation,
            "role": registration.role,
            "school_unit": registration.school_unit,
            "adaptations": registration.adaptations,
            "adaptations_other": registration.adaptations_other,
        }


class RegistrationForm(HoneypotFormMixin, DetailsForm):
    """The public registration form: the details, the address and consent (and a honeypot)."""

    email = EmailAddressField(
        help_text=_("Bekräftelsen och länken för att ändra eller avboka skickas hit.")
    )
    consent = forms.BooleanField(
        label=_("Jag har läst hur mina uppgifter hanteras och godkänner det"),
        error_messages={
            "required": _("Du behöver godkänna hanteringen av uppgifterna för att anmäla dig.")
        },
    )

    field_order = [
        "name",
        "email",
        "organisation",
        "role",
        "school_unit",
        "adaptations",
        "adaptations_other",
        "consent",
    ]


class ParticipantMessageForm(NoPupilDataFormMixin, forms.Form):
    subject = forms.CharField(label=_("Ämne"), max_length=150)
    message = forms.CharField(label=_("Meddelande"), widget=forms.Textarea(attrs={"rows": 8}))
    statuses = forms.MultipleChoiceField(
        label=_("Mottagare"),
        choices=[
            (Registration.Status.CONFIRMED, _("Bekräftade")),
            (Registration.Status.WAITLISTED, _("Väntelistan")),
            (Registration.Status.ATTENDED, _("Deltog")),
        ],
        initial=[Registration.Status.CONFIRMED],
        widget=forms.CheckboxSelectMultiple,
    )
