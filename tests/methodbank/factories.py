"""Builders for the method bank's tests: import-file items (valid against methods.schema.json
unless told otherwise), the finder, and the demo's methods through the import service."""

import copy
import io
import json
from pathlib import Path

from django.test import TestCase
from wagtail.models import Locale, Site

from kcsite.pages.demo_tools import Demo
from kcsite.pages.models import SiteSettings, StandardPage
from methodbank.demo import translate_methods
from methodbank.importing import ensure_finder, import_methods
from tests import builders

BASE = {
    "slug": "test-metod",
    "locale": "sv",
    "title": "Testmetod för närvaro",
    "summary": "En kort sammanfattning av testmetoden för närvaroarbete.",
    "body": "Första stycket om metoden.\n\nAndra stycket med mer text.",
    "kind": "method",
    "tiers": ["prevent"],
    "audiences": ["pupil", "guardian"],
    "performers": ["mentor"],
    "school_forms": ["years_7_9"],
    "evidence": "proven_experience",
    "effort": "low",
    "duration": "30 min",
    "steps": [
        {"title": "Förbered samtalet", "body": "Läs på om elevens frånvaro."},
        {"title": "Genomför samtalet", "body": "Lyssna.\nFråga hur eleven har det."},
    ],
    "keywords": ["samtal", "mentor"],
    "materials": [{"title": "Samtalsmall", "url": "https://example.org/mall.pdf"}],
    "references": [
        {
            "authors": "Kearney, C. A. & Graczyk, P.",
            "year": 2014,
            "title": "A response to intervention model to promote school attendance",
            "publisher": "Child and Youth Care Forum",
            "doi": "10.1007/s10566-013-9222-1",
        }
    ],
}


def method_item(number=0, **overrides):
    item = copy.deepcopy(BASE)
    if number:
        item["slug"] = f"test-metod-{number}"
        item["title"] = f"Testmetod nummer {number}"
    item.update(overrides)
    return item


def many_methods(count, prefix="massmetod"):
    kinds = ["method", "mapping", "tool"]
    tiers = [["promote"], ["prevent"], ["act"], ["prevent", "act"]]
    return [
        method_item(
            slug=f"{prefix}-{number}",
            title=f"Massmetod {number}",
            kind=kinds[number % 3],
            tiers=tiers[number % 4],
        )
        for number in range(1, count + 1)
    ]


# --- the method bank's pages, through its own services -------------------------------------

DEMO_METHODS = Path(__file__).resolve().parents[2] / "methodbank" / "demo" / "methods.json"


def finder(language_code="sv"):
    """The method finder of the skeleton's site at ``/metodbank/`` (as the import service makes
    it when a site has none) with its English translation at ``/en/method-bank/``."""
    swedish, _created = ensure_finder(Locale.objects.get(language_code="sv"))
    english = builders.translate(swedish, "en", title="Method bank")
    return english if language_code == "en" else swedish


def demo_methods(*, english=False):
    """The demo's methods (``methodbank/demo/methods.json``) through the import service and, with
    ``english``, the demo's English translations of ten of them through wagtail-localize, as an
    editor makes them (``methodbank.demo.translate_methods``). Returns the Swedish finder."""
    swedish = finder()
    import_methods(json.loads(DEMO_METHODS.read_text("utf-8")))
    if english:
        # wagtail-localize publishes a new translation with ``transaction.on_commit``; a test's
        # transaction is rolled back, never committed, so the callbacks are run here, as the
        # commit at the end of an editor's request (or of ``load_demo``) runs them.
        with TestCase.captureOnCommitCallbacks(execute=True):
            translate_methods(Demo(io.StringIO(), None))
    return swedish


def contact_page(title="Kontakta oss", slug="kontakta-oss"):
    """A contact page below the home page, named the contact page in the site settings."""
    page = builders.add_page(builders.home(), StandardPage(title=title, slug=slug))
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_page = page
    settings.save()
    return page
