"""Small helpers every app's demo loader uses (``<app>/demo.py`` with ``load_demo(demo)``).

Demo content is created once and never overwritten: a page or object that already exists is
left as it is, so running ``load_demo`` again changes nothing, not even editors' later edits.
"""

import json

from wagtail.models import Locale


class Demo:
    """Passed to each app's ``load_demo``: progress output and a tally for the summary."""

    def __init__(self, stdout, style):
        self.stdout = stdout
        self.style = style
        self.created = 0
        self.existing = 0

    def step(self, message):
        self.stdout.write(f"  · {message}")

    def tally(self, created):
        if created:
            self.created += 1
        else:
            self.existing += 1
        return created

    # -- pages ----------------------------------------------------------------------------
    def page(self, parent, model, slug, **fields):
        """The child of ``parent`` with ``slug``, created and published if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            self.tally(False)
            return existing.specific
        body = fields.pop("body", None)
        page = model(slug=slug, locale=parent.locale, **fields)
        if body is not None:
            page.body = json.dumps(body) if isinstance(body, list) else body
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.tally(True)
        return page

    def translation(self, page, language_code, **fields):
        """The translation of ``page`` into ``language_code``, created and published if missing."""
        locale = Locale.objects.get(language_code=language_code)
        existing = page.get_translation_or_none(locale)
        if existing is not None:
            self.tally(False)
            return existing.specific
        translated = page.copy_for_translation(locale, copy_parents=True)
        body = fields.pop("body", None)
        for name, value in fields.items():
            setattr(translated, name, value)
        if body is not None:
            translated.body = json.dumps(body) if isinstance(body, list) else body
        translated.save_revision().publish()
        self.tally(True)
        return translated.specific


def home_page(language_code="sv"):
    """The demo home page in a language (the site root's translation)."""
    from kcsite.pages.models import HomePage

    return HomePage.objects.get(locale__language_code=language_code, depth=2)
