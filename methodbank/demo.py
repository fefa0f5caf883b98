"""Demo content of the method bank: the finder at /metodbank/, its methods and search synonyms."""

import json
from pathlib import Path

from kcsite.pages.demo_tools import home_page
from kcsite.search.models import SearchSynonym
from kcsite.search.synonyms import seed_synonyms
from methodbank.library.demo import ensure_reading_list

from .importing import import_methods
from .models import MethodFinderPage, MethodPage

METHODS = Path(__file__).resolve().parent / "demo" / "methods.json"
# English translations of some methods: Swedish slug -> {"slug", "strings": {Swedish: English}}.
METHODS_EN = Path(__file__).resolve().parent / "demo" / "methods_en.json"
# Strings kept as they are in a translation: a source's authors, title and publisher.
KEPT_AS_THEY_ARE = ("references.",)


def load_demo(demo):
    demo.step("method bank: the method finder at /metodbank/")
    home = home_page("sv")
    finder = demo.page(
        home,
        MethodFinderPage,
        "metodbank",
        title="Metodbank",
        intro=(
            "Metoder, kartläggningsverktyg och mallar för närvaroarbete på tre nivåer: främja "
            "närvaro, förebygga frånvaro och åtgärda problematisk skolfrånvaro. Sök med egna ord "
            "eller välj nivå, målgrupp och vem som gör vad."
        ),
        search_description=(
            "Sök bland metoder, kartläggningar och mallar för att främja närvaro och åtgärda "
            "skolfrånvaro."
        ),
        show_in_menus=True,
    )
    demo.translation(
        finder,
        "en",
        slug="method-bank",
        title="Method bank",
        intro=(
            "Methods, mapping tools and templates for attendance work on three tiers: promote "
            "attendance, prevent absence and act on problematic school absence."
        ),
        search_description="Methods, mapping tools and templates for school attendance work.",
    )

    demo.step("method bank: the reading list the methods cite (reference library)")
    ensure_reading_list(demo)

    demo.step("method bank: methods (through import_methods)")
    items = json.loads(METHODS.read_text("utf-8")) if METHODS.exists() else []
    existing = set(MethodPage.objects.values_list("locale__language_code", "slug"))
    missing = [item for item in items if (item.get("locale", "sv"), item["slug"]) not in existing]
    if missing:
        summary = import_methods(missing)
        for _number in range(summary.created):
            demo.tally(True)
    for _number in range(len(items) - len(missing)):
        demo.tally(False)

    demo.step("method bank: English translations of ten methods (with wagtail-localize)")
    translate_methods(demo)

    demo.step("method bank: default search synonyms")
    seed_synonyms(SearchSynonym, tally=demo.tally)


def translate_methods(demo):
    """Translate the methods in ``methods_en.json`` as an editor does with wagtail-localize:
    a translation source from the Swedish page, its strings exported as PO, the English strings
    imported, and the English page (with its English slug) published. Editors see and change
    these translations in the admin like any other. A string the file lacks keeps its Swedish
    text (wagtail-localize's fallback), and the step says how many did."""
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    items = json.loads(METHODS_EN.read_text("utf-8")) if METHODS_EN.exists() else {}
    english = Locale.objects.get(language_code="en")
    untranslated = 0
    for slug, item in items.items():
        original = MethodPage.objects.filter(locale__language_code="sv", slug=slug).first()
        if original is None or original.get_translation_or_none(english) is not None:
            demo.tally(False)
            continue
        source, _created = TranslationSource.get_or_create_from_instance(original)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=english
        )
        po = translation.export_po()
        for entry in po:
            kept = entry.msgid if entry.msgctxt.startswith(KEPT_AS_THEY_ARE) else ""
            entry.msgstr = item["strings"].get(entry.msgid, kept)
            untranslated += not entry.msgstr
        translation.import_po(po, tool_name="demo")
        translation.save_target(publish=True)
        demo.tally(True)
    if untranslated:
        demo.step(f"  {untranslated} strings had no English text and stay in Swedish")
