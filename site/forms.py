"""The public-form kit: one base for every form a visitor fills in, rendered one way.

What a public form gets from :class:`PublicFormMixin`
    * **anti-spam**: the honeypot field ``website`` (:class:`kcsite.antispam.HoneypotFormMixin`,
      part of :class:`PublicForm`; rate limits: :mod:`kcsite.ratelimit`);
    * **input cleaning**: control and format characters removed before validation
      (:class:`kcsite.cleaning.CleanInputFormMixin`);
    * **no pupil data**: a personal identity number in any text field is refused, field by
      field (:class:`kcsite.privacy.NoPupilDataFormMixin`);
    * **accessible rendering** with Django 5.2's own field rendering: each input gets
      ``aria-describedby`` pointing at its help text (``<id>_helptext``) and its errors
      (``<id>_error``), and ``aria-invalid="true"`` when it has errors; choice fields are a
      ``<fieldset>`` with a ``<legend>`` that carries the ``aria-describedby``. No mixin writes
      these attributes by hand any more.
    * **one look**: ``{{ field.as_field_group }}`` (or ``{{ form }}``) renders
      ``components/forms/field.html``: label (with "(frivilligt)" on optional fields, or
      "(obligatoriskt)" on a required single checkbox), help text, errors, input.
    * **character counts**: name text fields in ``character_count = ("motivation",)`` and
      ``forms.js`` shows "Tecken kvar: N" under their help text.

How an app adopts the kit
    1. Forms: subclass ``PublicForm`` (or mix ``PublicFormMixin`` into a ``ModelForm``:
       ``class ProfileForm(PublicFormMixin, forms.ModelForm)``) instead of listing
       ``CleanInputFormMixin``, ``AccessibleFormMixin``/``AccessibleErrorsMixin``,
       ``NoPupilDataFormMixin`` and ``HoneypotFormMixin``; delete the app's own
       ``AccessibleFormMixin``. A form without a honeypot (a GET filter, a form behind a
       login) is ``class F(PublicFormMixin, forms.Form)``; a ``ModelForm`` is
       ``class F(PublicFormMixin, forms.ModelForm)`` (add ``HoneypotFormMixin`` if public).
       Filter forms whose fields are all optional set ``mark_optional = False``.
    2. Templates: delete ``templates/<app>/includes/field.html`` and
       ``templates/<app>/includes/error_summary.html``; write
       ``{% include "components/forms/error_summary.html" %}`` at the top of the form (it reads
       ``form``; pass ``summary_id`` when a page has two forms) and
       ``{{ form.name.as_field_group }}`` (or ``{% include "components/forms/field.html" %}``
       inside ``{% for field in form.visible_fields %}``) for each field; the honeypot is
       ``{% include "components/forms/honeypot.html" %}``.
    3. Script: delete the app's copy of the error-summary focus / double-submit / counter code
       and load ``{% static 'js/forms.js' %}`` (``<script src=… defer>``); put
       ``data-submit-once`` on a ``<form>`` whose button must not send it twice.
    4. Rate limits: see :mod:`kcsite.ratelimit` (``ratelimit.refuse``).
    5. Tests: ids are Django's: ``id_<name>_helptext`` and ``id_<name>_error`` (no longer
       ``-help`` / ``-error``); the error summary's links go to ``#id_<name>`` (``_0`` for
       choice fields).

Everything here works without JavaScript; the script only helps.
"""

from django import forms
from django.forms.renderers import DjangoTemplates
from django.template.loader import get_template
from django.utils.translation import gettext

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

    default_renderer = PublicFormRenderer
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


class PublicForm(PublicFormMixin, HoneypotFormMixin, forms.Form):
    """A public form with every safeguard: :class:`PublicFormMixin` and the honeypot."""
