"""Forms the kit's tests render: every kind of field a public form has."""

from django import forms

from kcsite.forms import PublicForm, PublicFormMixin


class ExampleForm(PublicForm):
    character_count = ("message",)

    name = forms.CharField(label="Namn", max_length=50, help_text="Som på ditt id-kort.")
    email = forms.EmailField(label="E-post")
    phone = forms.CharField(
        label="Telefon", required=False, widget=forms.TextInput(attrs={"type": "tel"})
    )
    message = forms.CharField(label="Meddelande", max_length=200, widget=forms.Textarea)
    topics = forms.MultipleChoiceField(
        label="Ämnen",
        choices=[("a", "A"), ("b", "B")],
        widget=forms.CheckboxSelectMultiple,
        help_text="Välj minst ett.",
    )
    time = forms.ChoiceField(
        label="Tid", choices=[("1", "Ett"), ("2", "Två")], widget=forms.RadioSelect
    )
    consent = forms.BooleanField(label="Jag samtycker")


class FilterForm(PublicFormMixin, forms.Form):
    mark_optional = False

    q = forms.CharField(label="Sök", required=False)
    since = forms.DateField(label="Från", required=False, widget=forms.SelectDateWidget)


VALID = {
    "name": "Ada",
    "email": "ada@example.se",
    "message": "Hej",
    "topics": ["a"],
    "time": "1",
    "consent": "on",
}
