"""The self-assessment's public forms: start, one area, review (complete), sharing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kcsite.forms import EmailAddressField, PublicForm, PublicFormMixin
from kcsite.personnames import NoPersonNamesFormMixin
from kcsite.vocabularies import SchoolForm

from .choices import DONT_KNOW, Level

COMMENT_MAX = 2000


class StartForm(NoPersonNamesFormMixin, PublicForm):
    school_unit = forms.CharField(
        label=_("Skolenhet"),
        max_length=200,
        help_text=_("Skolans namn, så att ni känner igen resultatet."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    school_form = forms.ChoiceField(
        label=_("Skolform"), choices=[("", _("Välj skolform"))] + SchoolForm.choices
    )
    email = EmailAddressField(
        label=_("Din e-post i tjänsten"),
        help_text=_(
            "Hit skickar vi länken så att ni kan fortsätta senare och hitta resultatet. "
            "Adressen tas bort ett år efter att självskattningen är klar."
        ),
    )


def level_choices(statement):
    choices = [
        (str(number), _("Nivå %(level)s: %(text)s") % {"level": number, "text": text})
        for number, text in enumerate(statement.level_texts, start=1)
    ]
    return choices + [(DONT_KNOW, Level.DONT_KNOW.label)]


class AreaForm(NoPersonNamesFormMixin, PublicFormMixin, forms.Form):
    """One radio group per statement of the area (optional: unanswered is counted as such)
    and the area's comment. Field names are the statements' keys."""

    comment = forms.CharField(
        label=_("Kommentar till området (frivillig)"),
        help_text=_(
            "Till exempel vad ni redan gör eller vad som är svårt. Skriv inga uppgifter som "
            "kan identifiera en elev: inga namn, personnummer, klasser eller initialer."
        ),
        required=False,
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    character_count = ("comment",)
    # Every statement may be left unanswered: the page says so once instead of on each.
    mark_optional = False

    def __init__(self, *args, statements, **kwargs):
        super().__init__(*args, **kwargs)
        comment = self.fields.pop("comment")
        for statement in statements:
            self.fields[statement.key] = forms.ChoiceField(
                label=statement.text,
                choices=level_choices(statement),
                widget=forms.RadioSelect,
                required=False,
            )
        self.fields["comment"] = comment
        self.statement_keys = [statement.key for statement in statements]

    def levels(self):
        return {key: self.cleaned_data.get(key) or "" for key in self.statement_keys}


class ReviewForm(PublicFormMixin, forms.Form):
    share_with_team_domino = forms.BooleanField(
        label=_("Dela resultatet med Team Domino"),
        help_text=_(
            "Frivilligt. Då ser Team Domino er skolas resultat med skolans namn och kan "
            "erbjuda stöd. Annars ingår resultatet bara utan namn i en sammanställning av "
            "många skolor."
        ),
        required=False,
    )
    mark_optional = False
