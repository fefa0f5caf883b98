"""Public forms (request, status page) and the triage form in the admin."""

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from kcsite.forms import EmailAddressField, PublicForm, PublicFormMixin
from kcsite.personnames import NoPersonNamesFormMixin
from kcsite.privacy import NoPupilDataFormMixin
from kcsite.vocabularies import SchoolForm, SchoolType

from .choices import BOOKABLE_KINDS, Role, ServiceKind, State
from .workflow import REASON_MISSING, REASON_REQUIRED, allowed_transitions

CONTACT_ME = "contact"

PREREQUISITES = [
    ("noticed", _("Vi har uppmärksammat frånvaron")),
    ("investigated", _("Vi har börjat utreda orsakerna")),
    ("measures_started", _("Vi har påbörjat insatser")),
]


def slot_label(slot):
    local = timezone.localtime(slot.start)
    end = timezone.localtime(slot.end)
    day = formats.date_format(local, "l j F")
    return _("%(day)s kl. %(start)s–%(end)s · %(mode)s · %(staff)s") % {
        "day": day.capitalize(),
        "start": local.strftime("%H:%M"),
        "end": end.strftime("%H:%M"),
        "mode": slot.get_mode_display(),
        "staff": slot.staff_name,
    }


def _accept_any_slot_id(value):
    """A time that was free when the form was shown may be gone now: let the booking decide
    (it answers "just taken" and shows the next free times) instead of "invalid choice"."""
    return value == CONTACT_ME or str(value).isdigit()


def slot_choices(slots, *, contact_option=True):
    choices = [(str(slot.pk), slot_label(slot)) for slot in slots]
    if contact_option:
        choices.append(
            (CONTACT_ME, _("Ingen av tiderna passar – kontakta mig för att hitta en tid"))
        )
    return choices


class SupportRequestForm(NoPersonNamesFormMixin, PublicForm):
    person_name_fields = ("description",)  # the sender's own name is asked for above

    time = forms.ChoiceField(
        label=_("Välj en tid"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj en tid eller att vi kontaktar dig.")},
    )
    name = forms.CharField(
        label=_("Ditt namn"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = EmailAddressField(
        help_text=_("Hit skickar vi kvittot och länken där du följer förfrågan.")
    )
    phone = forms.CharField(
        label=_("Telefon"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    organisation = forms.CharField(
        label=_("Skola eller enhet"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    school_form = forms.ChoiceField(
        label=_("Skolform"), choices=[("", _("Välj skolform"))] + SchoolForm.choices
    )
    school_type = forms.ChoiceField(
        label=_("Huvudman"), choices=SchoolType.choices, widget=forms.RadioSelect
    )
    role = forms.ChoiceField(label=_("Din roll"), choices=[("", _("Välj roll"))] + Role.choices)
    done_so_far = forms.MultipleChoiceField(
        label=_("Vad har skolan gjort hittills?"),
        help_text=_("Kryssa i det som stämmer. Det hjälper oss att se vilket stöd som passar."),
        choices=PREREQUISITES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    description = forms.CharField(
        label=_("Beskriv behovet"),
        help_text=_(
            "Beskriv skolans situation och vad ni vill ha hjälp med. Skriv inga uppgifter som "
            "kan identifiera en elev: inga namn, personnummer, klasser eller initialer."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
    )
    participants = forms.IntegerField(
        label=_("Antal deltagare i gruppen"),
        help_text=_("Ungefär hur många som ingår i elevhälsoteamet eller arbetslaget."),
        min_value=2,
        max_value=60,
        required=False,
    )

    def __init__(self, *args, service_kind, slots=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.service_kind = service_kind
        if service_kind in BOOKABLE_KINDS:
            self.fields["time"].choices = slot_choices(slots)
            self.fields["time"].valid_value = _accept_any_slot_id
        else:
            del self.fields["time"]
        if service_kind == ServiceKind.GDQ:
            self.fields["participants"].required = True
        else:
            del self.fields["participants"]

    def clean_time(self):
        value = self.cleaned_data["time"]
        return None if value == CONTACT_ME else int(value)

    def request_data(self):
        data = dict(self.cleaned_data)
        done = set(data.pop("done_so_far", []) or [])
        for key, _label in PREREQUISITES:
            data[key] = key in done
        data.pop("time", None)
        data.pop("website", None)
        return data


class AddInformationForm(PublicFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Lägg till information"),
        help_text=_("Inga uppgifter som kan identifiera en elev."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )


class RebookForm(PublicFormMixin, forms.Form):
    time = forms.ChoiceField(
        label=_("Välj en annan ledig tid"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj en tid.")},
    )

    def __init__(self, *args, slots=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time"].choices = slot_choices(slots, contact_option=False)
        self.fields["time"].valid_value = lambda value: str(value).isdigit()

    def clean_time(self):
        return int(self.cleaned_data["time"])


class TransitionForm(NoPupilDataFormMixin, forms.Form):
    """Staff move a request on; the expected state makes the update conditional."""

    expected_state = forms.CharField(widget=forms.HiddenInput)
    to_state = forms.ChoiceField(label=_("Ny status"))
    reason = forms.CharField(
        label=_("Motivering till beställaren"),
        help_text=_("Krävs när ni avböjer eller hänvisar vidare. Skickas till beställaren."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    first_meeting_at = forms.DateTimeField(
        label=_("Första möte"),
        help_text=_("När stödet planeras: datum och tid för första mötet."),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )

    def __init__(self, *args, support_request, **kwargs):
        super().__init__(*args, **kwargs)
        self.support_request = support_request
        self.fields["expected_state"].initial = support_request.state
        self.fields["to_state"].choices = [
            (state, State(state).label) for state in allowed_transitions(support_request.state)
        ]

    def clean(self):
        cleaned = super().clean()
        reason = cleaned.get("reason", "").strip()
        refused = "reason" in self.errors  # e.g. a personal number: that error says enough
        if cleaned.get("to_state") in REASON_REQUIRED and not reason and not refused:
            self.add_error("reason", REASON_MISSING)
        return cleaned
