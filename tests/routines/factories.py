"""Builders for the routines' tests, through the app's own services and the demo's template."""

from methodbank.importing import import_methods
from methodbank.models import MethodPage
from methodbank.routines.demo import ensure_template
from methodbank.routines.services import building
from tests.methodbank import factories as methodbank_factories


def template():
    """Team Domino's demo template (published), as the demo loads it."""
    return ensure_template()[0]


def method(number=1, *, steps=None, **fields):
    """A live method page (through the import service). ``steps`` (title, body, performer,
    timing) are written as an editor writes them in the admin: the import format has no
    performer or timing."""
    methodbank_factories.finder()
    item = methodbank_factories.method_item(number, **fields)
    if steps is not None:
        item["steps"] = []
    import_methods([item])
    page = MethodPage.objects.get(slug=item["slug"], locale__language_code="sv")
    if steps:
        page.steps = [("step", step) for step in steps]
        page.save_revision().publish()
    return page


def routine(template_=None, **fields):
    fields = {
        "school_unit": "Södra skolan, F–6",
        "school_form": "compulsory",
        "creator_email": "rektor@example.org",
        **fields,
    }
    return building.create_routine(template=template_ or template(), **fields)
