"""The method page's admin form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kcsite.pages.forms import KcPageForm

from . import taxonomy

CHECKBOXES = forms.CheckboxSelectMultiple


class MethodPageForm(KcPageForm):
    """Facets with several values are JSON lists on the model and checkboxes for editors."""

    tiers = forms.MultipleChoiceField(
        label=_("Nivåer"),
        choices=taxonomy.TIERS,
        widget=CHECKBOXES,
        required=True,
        error_messages={"required": _("Välj minst en nivå.")},
    )
    audiences = forms.MultipleChoiceField(
        label=_("Målgrupper"), choices=taxonomy.AUDIENCES, widget=CHECKBOXES, required=False
    )
    performers = forms.MultipleChoiceField(
        label=_("Vem gör det"), choices=taxonomy.PERFORMERS, widget=CHECKBOXES, required=False
    )
    school_forms = forms.MultipleChoiceField(
        label=_("Skolformer"), choices=taxonomy.SCHOOL_FORMS, widget=CHECKBOXES, required=False
    )

    def defer_required_fields(self):
        """A draft (and Wagtail's autosave) may be saved before a tier is chosen."""
        super().defer_required_fields()
        if self.fields["tiers"].required:
            self.fields["tiers"].required = False
            self.deferred_required_fields.append("tiers")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "cited_references" in self.fields:
            # Each reference's label names its first author: fetch authors with the list.
            field = self.fields["cited_references"]
            field.queryset = field.queryset.prefetch_related("authors")
