"""The routine's public forms (no account; every text field refuses personal identity numbers
and, unless the visitor says otherwise, what looks like a person's name)."""

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from kcsite.forms import EmailAddressField, PublicForm, PublicFormMixin
from kcsite.personnames import NoPersonNamesFormMixin
from kcsite.vocabularies import SchoolForm
from kcsite.vocabularies import Tier as TierCode

from ..taxonomy import PERFORMERS
from .content import TRIGGER_KINDS, Role, Step, Trigger
from .models import RoutineTemplate

TIER_CHOICES = TierCode.choices


class StartForm(NoPersonNamesFormMixin, PublicForm):
    school_unit = forms.CharField(
        label=_("Skolenhet"),
        max_length=160,
        help_text=_("T.ex. ”Södra skolan, F–6”. Bara skolan, aldrig en elev."),
    )
    school_form = forms.ChoiceField(
        label=_("Skolform"), choices=[("", _("Välj skolform"))] + SchoolForm.choices
    )
    template = forms.ModelChoiceField(
        label=_("Mall att börja från"),
        queryset=RoutineTemplate.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    creator_email = EmailAddressField(
        label=_("Din e-postadress"),
        help_text=_("Hit skickar vi länken som du ändrar rutinen med. Ingen inloggning behövs."),
    )
    method = forms.IntegerField(required=False, widget=forms.HiddenInput)
    method_tier = forms.ChoiceField(
        required=False, choices=[("", "")] + TIER_CHOICES, widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        templates = RoutineTemplate.objects.filter(published=True)
        self.fields["template"].queryset = templates
        if len(templates) == 1:  # one template: chosen already
            self.fields["template"].initial = templates[0].pk


class VersionedForm(NoPersonNamesFormMixin, PublicFormMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class GeneralForm(VersionedForm):
    school_unit = forms.CharField(label=_("Skolenhet"), max_length=160)
    school_form = forms.ChoiceField(label=_("Skolform"), choices=SchoolForm.choices)
    review_date = forms.DateField(
        label=_("Revideras senast"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Vi påminner dig med e-post en månad före. Format: ÅÅÅÅ-MM-DD."),
    )
    shared_with_team = forms.BooleanField(
        label=_("Dela med Team Domino"),
        required=False,
        help_text=_("Team Domino kan då läsa rutinen och ge er återkoppling. Ingen annan ser den."),
    )


class StepForm(VersionedForm):
    tier = forms.ChoiceField(label=_("Nivå"), choices=TIER_CHOICES)
    trigger_kind = forms.ChoiceField(
        label=_("Utlösare"), choices=TRIGGER_KINDS, widget=forms.RadioSelect
    )
    percent = forms.IntegerField(
        label=_("Gräns i procent"), required=False, min_value=1, max_value=100
    )
    weeks = forms.IntegerField(label=_("Antal veckor"), required=False, min_value=1, max_value=52)
    trigger_text = forms.CharField(label=_("Utlösare i egna ord"), required=False, max_length=200)
    who = forms.MultipleChoiceField(
        label=_("Vem"), required=False, choices=(), widget=forms.CheckboxSelectMultiple
    )
    what = forms.CharField(
        label=_("Vad"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    when = forms.CharField(
        label=_("När (tidsgräns)"),
        required=False,
        max_length=120,
        help_text=_("T.ex. ”samma dag” eller ”inom två veckor”."),
    )
    methods = forms.TypedMultipleChoiceField(
        label=_("Metoder som stöder steget"),
        required=False,
        coerce=int,
        choices=(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Ta bort bocken för att ta bort metoden från steget."),
    )
    materials = forms.CharField(
        label=_("Material"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    documented = forms.CharField(label=_("Var det dokumenteras"), required=False, max_length=200)
    follow_up = forms.CharField(
        label=_("Uppföljning"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    duty = forms.CharField(
        label=_("Skyldighet enligt lag"),
        required=False,
        max_length=120,
        help_text=_("T.ex. ”7 kap. 17 § skollagen”. Lämna tomt om steget inte är en skyldighet."),
    )

    def __init__(self, *args, roles=(), methods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["who"].choices = [(role.code, role.label or role.code) for role in roles]
        self.fields["methods"].choices = list(methods)  # [(pk, title)] of the step's methods

    @classmethod
    def initial_for(cls, tier, step, version):
        return {
            "version": version,
            "tier": tier,
            "trigger_kind": step.trigger.kind,
            "percent": step.trigger.percent,
            "weeks": step.trigger.weeks,
            "trigger_text": step.trigger.text,
            "who": step.who,
            "methods": step.methods,
            "what": step.what,
            "when": step.when,
            "materials": step.materials,
            "documented": step.documented,
            "follow_up": step.follow_up,
            "duty": step.duty,
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("trigger_kind") == "percent_over_weeks":
            if not cleaned.get("percent"):
                self.add_error("percent", _("Ange gränsen i procent (1–100)."))
            if not cleaned.get("weeks"):
                self.add_error("weeks", _("Ange antal veckor."))
        return cleaned

    def step(self, old=None):
        """The step the form describes (of ``old``'s methods, those still ticked stay)."""
        data = self.cleaned_data
        kind = data["trigger_kind"]
        return Step(
            trigger=Trigger(
                kind=kind,
                percent=data.get("percent") if kind == "percent_over_weeks" else None,
                weeks=data.get("weeks") if kind == "percent_over_weeks" else None,
                text=data.get("trigger_text", ""),
            ),
            who=list(data["who"]),
            what=data["what"],
            when=data.get("when", ""),
            methods=[pk for pk in (old.methods if old else []) if pk in data.get("methods", [])],
            materials=data.get("materials", ""),
            documented=data.get("documented", ""),
            follow_up=data.get("follow_up", ""),
            duty=data.get("duty", ""),
        )


class RolesForm(VersionedForm):
    """Every role's name and contact, a box to remove it, and one new role."""

    new_role = forms.ChoiceField(label=_("Lägg till en roll"), required=False, choices=())
    new_label = forms.CharField(
        label=_("Rollens namn hos er"),
        required=False,
        max_length=120,
        help_text=_("T.ex. ”Mentor (klassens mentor)”. Krävs för en egen roll."),
    )

    def __init__(self, *args, roles=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.roles = list(roles)
        present = {role.code for role in self.roles}
        for role in self.roles:
            self.fields[f"label__{role.code}"] = forms.CharField(
                label=_("Namn"), max_length=120, initial=role.label
            )
            self.fields[f"contact__{role.code}"] = forms.CharField(
                label=_("Kontakt"),
                required=False,
                max_length=160,
                initial=role.contact,
                help_text=_("En funktion eller personalens e-post, aldrig en elev."),
            )
            self.fields[f"remove__{role.code}"] = forms.BooleanField(
                label=_("Ta bort rollen"), required=False
            )
        self.fields["new_role"].choices = (
            [("", _("Ingen ny roll"))]
            + [(code, label) for code, label in PERFORMERS if code not in present]
            + [("custom", _("Egen roll"))]
        )

    def role_rows(self):
        return [
            (
                role,
                self[f"label__{role.code}"],
                self[f"contact__{role.code}"],
                self[f"remove__{role.code}"],
            )
            for role in self.roles
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("new_role") == "custom":
            slug = slugify(cleaned.get("new_label") or "")[:40]
            if not slug:
                self.add_error("new_label", _("Skriv namnet på den nya rollen."))
            elif f"custom-{slug}" in {role.code for role in self.roles}:
                self.add_error("new_label", _("Den rollen finns redan."))
        return cleaned

    def apply(self, content):
        """Write the form into ``content``: returns the codes of the roles to remove."""
        data = self.cleaned_data
        removed = []
        for role in content.roles:
            if data.get(f"remove__{role.code}"):
                removed.append(role.code)
                continue
            role.label = data.get(f"label__{role.code}", role.label)
            role.contact = data.get(f"contact__{role.code}", role.contact)
        new = data.get("new_role")
        if new == "custom":
            label = data["new_label"]
            content.roles.append(Role(code=f"custom-{slugify(label)[:40]}", label=label))
        elif new:
            label = data.get("new_label") or str(dict(PERFORMERS)[new])
            content.roles.append(Role(code=new, label=label))
        return removed


class AddMethodForm(PublicFormMixin, forms.Form):
    method = forms.IntegerField(widget=forms.HiddenInput)
    tier = forms.ChoiceField(label=_("Nivå"), choices=TIER_CHOICES)
