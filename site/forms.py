"""The public-form kit: one base for every form a visitor fills in, rendered one way.

What a form gets from :class:`PublicFormMixin`
    * **input cleaning**: control and format characters removed before validation
      (:class:`kcsite.cleaning.CleanInputFormMixin`);
    * **no pupil data**: a personal identity number in any text field is refused, field by
      field (:class:`kcsite.privacy.NoPupilDataFormMixin`; a phone field may hold a phone number);
    * **accessible rendering** with Django 5.2's own field rendering: each input gets
      ``aria-describedby="<id>_helptext <id>_error"`` (what it has of the two, in that order)
      and ``aria-invalid="true"`` when it has errors; a choice field (radio buttons, several
      checkboxes) is a ``<fieldset>`` whose ``<legend>`` names it and which carries the
      ``aria-describedby``, each box its ``aria-invalid``. Nothing writes these by hand;
    * **one look**: ``{{ form.<name>.as_field_group }}`` renders
      ``components/forms/field.html``: label ("(frivilligt)" after an optional field's,
      "(obligatoriskt)" after a required single checkbox's), help text, errors, input;
      ``{{ form }}`` renders the error summary, the honeypot and every field in order;
    * **character counts**: ``character_count = ("motivation",)`` and ``forms.js`` shows
      "Tecken kvar: N" under the help text of those fields (they need a ``max_length``).

:class:`PublicForm` adds **anti-spam**: the hidden honeypot field ``website``
(:class:`kcsite.antispam.HoneypotFormMixin`). Rate limits: :mod:`kcsite.ratelimit`.

How an app adopts the kit
    1. Forms (``<app>/forms.py``):

       * a public form: ``class ApplicationForm(PublicForm)`` instead of
         ``(CleanInputFormMixin, AccessibleFormMixin, NoPupilDataFormMixin,
         HoneypotFormMixin, forms.Form)``;
       * without a honeypot (a GET filter, a form behind a login, a form another form
         extends): ``class DetailsForm(PublicFormMixin, forms.Form)``, and where a subclass
         is public ``class RegistrationForm(HoneypotFormMixin, DetailsForm)``;
       * a model form: ``class ProfileForm(PublicFormMixin, forms.ModelForm)``;
       * a filter or calculator whose fields are all optional: ``mark_optional = False``;
       * delete the app's ``AccessibleFormMixin`` / ``AccessibleErrorsMixin`` and any
         ``widget.attrs["aria-describedby"]`` it wrote (Django keeps a hand-written one and
         then writes none).

    2. Templates: delete ``templates/<app>/includes/field.html``,
       ``…/includes/error_summary.html`` and ``…/includes/honeypot.html``, and write

       * ``{% include "components/forms/error_summary.html" %}`` where the summary was (it
         reads ``form``; ``with form=filter_form summary_id="…"`` when a page has two
         summaries; ``summary_title=…`` to replace "Något behöver rättas innan du kan
         skicka");
       * ``{% include "components/forms/honeypot.html" %}`` inside the ``<form>``;
       * ``{{ form.email.as_field_group }}`` for one field, or
         ``{% for field in form.visible_fields %}{{ field.as_field_group }}{% endfor %}``
         (``visible_fields`` leaves out the honeypot); ``{% include
         "components/forms/field.html" with field=form.email %}`` does the same.

    3. Script: delete the app's error-summary focus, double-submit guard and character
       counter, load ``<script src="{% static 'js/forms.js' %}" defer></script>`` on the
       page, and put ``data-submit-once`` on a ``<form>`` that must not be sent twice.
    4. CSS: drop the app's copies of the field rules (``.events-checkbox``,
       ``.membership-checkbox``, ``.events-choices``, ``.support-choices``/``-options``,
       ``.form-field--error …``): ``site.css`` styles ``.form-field--choices``,
       ``.form-field__choices``, ``.form-field__checkbox``, ``.optional``/``.required``.
    5. Tests: the ids are Django's: ``id_<name>_helptext`` and ``id_<name>_error`` (no
       longer ``-help``/``-error``), help before error in ``aria-describedby``; the summary
       is ``#error-summary`` (``[data-error-summary]``), its links go to ``#id_<name>``
       (``#id_<name>_0`` for a choice field).

The address a visitor gives (for a receipt, a link, a confirmation) is an
:class:`EmailAddressField`: one length and one autofill token on every form.

Everything works without JavaScript; the script only helps.
"""

from django import forms
from django.forms.renderers import DjangoTemplates
from django.template.loader import get_template
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .antispam import HONEYPOT, HoneypotFormMixin
from .cleaning import CleanInputFormMixin
from .privacy import NoPupilDataFormMixin

FIELD_TEMPLATE = "components/forms/field.html"
FORM_TEMPLATE = "components/forms/form.html"


class PublicFormRenderer(DjangoTemplates):
    """Django's own form renderer, with the kit's field and form templates.

    The kit's templates (``components/forms/``) are read with the project's template engine
    (so the site's translations and template folders apply); Django's widget templates come
    from Django as usual. Wagtail's admin forms keep Django's default renderer."""

    form_template_name = FORM_TEMPLATE
    field_template_name = FIELD_TEMPLATE

    def get_template(self, template_name):
        if template_name.startswith("components/"):
            return get_template(template_name)
        return super().get_template(template_name)


class PublicFormMixin(CleanInputFormMixin, NoPupilDataFormMixin):
    """Input cleaning, no pupil data and the kit's rendering (see the module's docstring).

    Mix it into a ``forms.Form`` or ``forms.ModelForm`` (first in the bases); add
    :class:`kcsite.antispam.HoneypotFormMixin` for the honeypot, or use :class:`PublicForm`.
    Class attributes an app may set:

    ``character_count``
        names of text fields with a ``max_length`` whose remaining characters ``forms.js``
        counts down for the visitor.
    ``mark_optional``
        ``True`` (default): "(frivilligt)" after the label of an optional field and
        "(obligatoriskt)" after a required single checkbox; ``False`` for forms where every
        field is optional, such as listing filters.
    """

    # One instance for every form: its template engine is built once, not per form.
    default_renderer = PublicFormRenderer()
    character_count = ()
    mark_optional = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.character_count:
            # The label is read in the visitor's language when the form is built.
            self.fields[name].widget.attrs["data-character-count"] = gettext("Tecken kvar:")

    @property
    def honeypot_field(self):
        """The bound honeypot field, or ``None`` (``components/forms/honeypot.html``)."""
        return self[HONEYPOT] if HONEYPOT in self.fields else None

    def visible_fields(self):
        """The fields people see: the honeypot is rendered on its own, hidden."""
        return [field for field in super().visible_fields() if field.name != HONEYPOT]


class EmailAddressField(forms.EmailField):
    """The e-mail address of whoever fills in a public form: at most 254 characters (what the
    models' ``EmailField`` keeps) and ``autocomplete="email"`` so that browsers can fill it in
    (WCAG 1.3.5). The label is "E-post i tjänsten" unless the form says otherwise."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("E-post i tjänsten"))
        kwargs.setdefault("max_length", 254)
        kwargs.setdefault("widget", forms.EmailInput(attrs={"autocomplete": "email"}))
        super().__init__(**kwargs)


class PublicForm(PublicFormMixin, HoneypotFormMixin, forms.Form):
    """A public form with every safeguard: :class:`PublicFormMixin` and the honeypot."""
