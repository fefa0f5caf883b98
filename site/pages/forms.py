"""The admin form every page type uses: it keeps a non-technical editor out of two traps.

* **Autosave leaves drafts behind.** Wagtail 8 autosaves a new page as a draft as soon as the
  editor types (``WAGTAIL_AUTOSAVE_INTERVAL``), before required fields are filled. An editor who
  leaves and starts again with the same title used to be stopped by "the slug is already in
  use". A new page whose address is taken only by a draft that was never published now gets the
  next free address (``-2``) and the editor is told about the old draft, with a link to it
  (``wagtail_hooks.tell_about_abandoned_draft``).
* **Errors hide on other tabs and in closed blocks.** When a page cannot be saved, the message
  at the top names each field with an error and the tab it is on ("Innehåll → Steg för steg").

It also gives every StreamField without help text a hint about the "+" button, and derives an
empty slug from the title (ASCII, ``slugs.ascii_slug``) instead of refusing the page, as the
browser does with JavaScript.
"""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import BlockField
from wagtail.models import Page

from .slugs import ascii_slug

STREAMFIELD_HINT = _(
    "Lägg till innehåll med plusknappen (+): välj till exempel stycke, rubrik, bild eller "
    "faktaruta. Blocken kan flyttas och tas bort i efterhand."
)


def abandoned_draft_with_slug(parent_page, slug):
    """The never-published draft under ``parent_page`` that holds ``slug``, if that is what
    holds it (a live or once-published page is never treated as abandoned)."""
    page = parent_page.get_children().filter(slug=slug).first()
    if page is None or page.live or page.first_published_at is not None:
        return None
    return page


def next_free_slug(parent_page, slug):
    taken = set(
        parent_page.get_children().filter(slug__startswith=slug).values_list("slug", flat=True)
    )
    number = 2
    while f"{slug}-{number}" in taken:
        number += 1
    return f"{slug}-{number}"


def field_tabs(model):
    """{form field name: tab heading} for a page model's edit handler."""
    handler = model.get_edit_handler()
    tabs = {}
    for tab in getattr(handler, "children", []):
        for name in tab.get_form_options().get("fields", []):
            tabs.setdefault(name, tab.heading)
    return tabs


class KcPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, BlockField) and not field.help_text:
                field.help_text = STREAMFIELD_HINT
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if not slug:
            slug = ascii_slug(self.cleaned_data.get("title", ""))
            if not slug:
                raise forms.ValidationError(self.fields["slug"].error_messages["required"])
        return slug

    def clean(self):
        slug = self.cleaned_data.get("slug")
        cleaned_data = super().clean()
        self._move_past_abandoned_draft(slug, cleaned_data)
        return cleaned_data

    def _post_clean(self):
        # Tell the page whether required checks wait for publishing (a draft, an autosave).
        self.instance.defer_required_checks = self.is_deferred_validation
        super()._post_clean()  # the model's own clean() may add errors here
        self._name_where_the_errors_are()

    def _move_past_abandoned_draft(self, slug, cleaned_data):
        if "slug" not in self.errors or not slug or self.parent_page is None:
            return
        if not self.instance._state.adding:
            return
        draft = abandoned_draft_with_slug(self.parent_page, slug)
        if draft is None:
            return
        del self.errors["slug"]
        cleaned_data["slug"] = next_free_slug(self.parent_page, slug)
        self.instance.abandoned_draft = draft

    def _name_where_the_errors_are(self):
        fields = [name for name in self.errors if name != NON_FIELD_ERRORS]
        if not fields:
            return
        tabs = field_tabs(type(self.instance)) if isinstance(self.instance, Page) else {}
        places = []
        for name in fields:
            label = self.fields[name].label if name in self.fields else name
            tab = tabs.get(name)
            places.append(f"{tab} → {label}" if tab else str(label))
        self.add_error(
            None,
            _("Rätta det som är markerat i: %(places)s. Flikar med fel visar antalet fel.")
            % {"places": "; ".join(places)},
        )
