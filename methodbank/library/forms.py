"""Public filter forms of the film and reference libraries, and the admin's import form (the
calculator's form is :mod:`.calculator_form`)."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from kcsite.forms import PublicFormMixin
from kcsite.vocabularies import TIERS

from .models.films import Audience
from .models.references import ReferenceType, TaggedReference


class _FilterForm(PublicFormMixin, forms.Form):
    """A listing's GET filter: every field optional, so none is marked so."""

    mark_optional = False
    q = forms.CharField(label=_("Sök"), required=False, max_length=200)
    tier = forms.ChoiceField(label=_("Nivå"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tier"].choices = [("", _("Alla nivåer")), *TIERS]

    def value(self, name):
        """A cleaned value, or '' when the form (or that field) is invalid."""
        if not self.is_valid() and name in self.errors:
            return ""
        return (getattr(self, "cleaned_data", {}) or {}).get(name) or ""


class ReferenceFilterForm(_FilterForm):
    SORTS = [
        ("year_desc", _("Nyaste först")),
        ("year_asc", _("Äldsta först")),
        ("title", _("Titel A–Ö")),
        ("author", _("Författare A–Ö")),
        ("relevance", _("Bäst träff (vid sökning)")),
    ]

    ref_type = forms.ChoiceField(label=_("Typ"), required=False)
    year_from = forms.IntegerField(
        label=_("Från år"), required=False, min_value=1500, max_value=2100
    )
    year_to = forms.IntegerField(label=_("Till år"), required=False, min_value=1500, max_value=2100)
    topic = forms.ChoiceField(label=_("Ämne"), required=False)
    sort = forms.ChoiceField(label=_("Sortering"), required=False, choices=SORTS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ref_type"].choices = [("", _("Alla typer")), *ReferenceType.choices]
        used = TaggedReference.objects.values_list("tag_id", flat=True)
        topics = Tag.objects.filter(pk__in=used).order_by("name")
        self.fields["topic"].choices = [("", _("Alla ämnen"))] + [
            (t.slug, gettext(t.name))
            for t in topics  # the reading list's topics have English
        ]
        for name in ("year_from", "year_to"):
            self.fields[name].widget.attrs.update(inputmode="numeric", size="6")
            self.fields[name].error_messages.update(
                invalid=_("Skriv ett årtal med fyra siffror, till exempel 2018."),
                min_value=_("Skriv ett årtal från 1500 och framåt."),
                max_value=_("Skriv ett årtal till och med 2100."),
            )
        self.fields["year_from"].widget.input_type = "text"
        self.fields["year_to"].widget.input_type = "text"

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("year_from"), cleaned.get("year_to")
        if start and end and start > end:
            self.add_error("year_to", _("”Till år” kan inte vara före ”Från år”."))
        return cleaned


class FilmFilterForm(_FilterForm):
    audience = forms.ChoiceField(label=_("Målgrupp"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience"].choices = [("", _("Alla målgrupper"))] + [
            (audience.key, str(audience)) for audience in Audience.objects.all()
        ]


class ReferenceImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fil från Zotero eller EndNote"),
        help_text=_("RIS (.ris) eller BibTeX (.bib), högst 5 MB."),
    )
