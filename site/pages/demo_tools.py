"""Small helpers every app's demo loader uses (``<app>/demo.py`` with ``load_demo(demo)``).

Demo content is created once and never overwritten: a page or object that already exists is
left as it is, so running ``load_demo`` again changes nothing, not even editors' later edits.
"""

import json

from django.utils.text import slugify
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
        """The translation of ``page`` into ``language_code``, created and published if missing.

        Below the home page a translation gets a slug in its own language: ``slug`` if given,
        else one made from its title ("Absence calculator" → ``absence-calculator``). The path
        it would have had with the Swedish slugs (``/en/stod/``) redirects to it permanently."""
        locale = Locale.objects.get(language_code=language_code)
        existing = page.get_translation_or_none(locale)
        if existing is not None:
            self.tally(False)
            return existing.specific
        translated = page.copy_for_translation(locale, copy_parents=True)
        body = fields.pop("body", None)
        if page.depth > 2 and "slug" not in fields and fields.get("title"):
            fields["slug"] = slugify(fields["title"])
        for name, value in fields.items():
            setattr(translated, name, value)
        if body is not None:
            translated.body = json.dumps(body) if isinstance(body, list) else body
        translated.save_revision().publish()
        self.tally(True)
        _redirect_swedish_slugs(page, translated.specific, language_code)
        return translated.specific


def _redirect_swedish_slugs(original, translated, language_code):
    """A permanent redirect from ``/<lang>`` + the original's path to the translation."""
    from wagtail.contrib.redirects.models import Redirect

    site = translated.get_site()
    old_url, new_url = original.get_url(), translated.get_url()
    if site is None or not old_url or not new_url:
        return
    old_path = Redirect.normalise_path(f"/{language_code}{old_url}")
    if old_path != Redirect.normalise_path(new_url):
        Redirect.objects.get_or_create(
            old_path=old_path,
            site=site,
            defaults={"redirect_page": translated, "is_permanent": True},
        )


def home_page(language_code="sv"):
    """The demo home page in a language (the site root's translation)."""
    from kcsite.pages.models import HomePage

    return HomePage.objects.get(locale__language_code=language_code, depth=2)
