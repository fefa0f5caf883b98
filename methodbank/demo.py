"""Demo content of the method bank: the finder at /metodbank/, its methods and search synonyms."""

import json
from pathlib import Path

from kcsite.pages.demo_tools import home_page
from methodbank.library.demo import ensure_reading_list

from .importing import import_methods
from .models import MethodFinderPage, MethodPage, SearchSynonym
from .synonyms import seed_synonyms

METHODS = Path(__file__).resolve().parent / "demo" / "methods.json"


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

    demo.step("method bank: default search synonyms")
    seed_synonyms(SearchSynonym, tally=demo.tally)
