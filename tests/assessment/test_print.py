"""The print view and PDF of a school's result and plan: the profile, the weakest areas with
their methods, trainings and service, and the prefilled support request printed in full."""

import io

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from kcsite.pages.demo_tools import Demo
from methodbank.importing import import_methods
from network.assessment.demo import load_indicator_set
from network.assessment.services import filling
from network.assessment.services.indicators import set_data
from tests.assessment.factories import path
from tests.events.factories import make_event
from tests.methodbank.factories import finder, method_item
from tests.support.factories import all_service_pages

pytestmark = pytest.mark.django_db

MAPPING_METHODS = {
    "franvarokartlaggning": "Frånvarokartläggning: kartlägg orsakerna",
    "utredning-och-anmalan-till-huvudman": "Utredning av frånvaro och anmälan till huvudmannen",
}


@pytest.fixture
def assessment():
    """The demo set with two of its mapping methods published, the support pages and a
    training; a school that is weakest in mapping (level 1) and routines (level 2)."""
    finder()
    import_methods(
        [
            method_item(slug=slug, title=title, tiers=["act"])
            for slug, title in MAPPING_METHODS.items()
        ]
    )
    all_service_pages()
    make_event(title="Kartläggning av skolfrånvaro", event_type="training")
    load_indicator_set(Demo(io.StringIO(), None))
    started = filling.start(
        school_unit="Åsa skola", school_form="compulsory", email="rektor@example.org"
    )
    data = set_data(started.indicator_set_id)
    weak = {"mapping": "1", "routines": "2", "collaboration": "2"}
    current = started
    for area in data.areas:
        levels = {s.key: weak.get(area.key, "4") for s in data.statements_of(area.key)}
        if area.key == "collaboration":
            levels["ifo"] = "dont_know"
        current = filling.save_area(current.pk, current.version, area_key=area.key, levels=levels)
    return filling.complete(current.pk, current.version)


def _pdf_text(content):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_print_view_shows_profile_and_plan(assessment, client):
    response = client.get(path(assessment, "print"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    rows = soup.select("section[aria-labelledby=profile-heading] tbody tr")
    assert [row.th.get_text() for row in rows][:3] == [
        "Främjande arbete",
        "Förebyggande arbete",
        "Åtgärdande arbete",
    ]
    assert len(rows) == 6
    plans = soup.select("article.print-area")
    assert [p.h3.get_text(" ", strip=True).split(" (")[0] for p in plans] == [
        "1. Kartläggning",
        "2. Samverkan",  # level 2 like routines, and one "vet inte": first on the tie
        "3. Organisation och rutiner",
    ]
    mapping = plans[0].get_text(" ")
    assert all(title in mapping for title in MAPPING_METHODS.values())
    assert "Kartläggning av skolfrånvaro" in mapping  # the training
    request = plans[0].select_one("a.print-request")
    assert request.get_text() == request["href"]  # the address printed in full
    assert request["href"].startswith("http") and "behov=" in request["href"]
    assert soup.select_one("a.print-button")["href"] == response.request["PATH_INFO"] + "pdf/"


def test_pdf_parses_and_names_the_weakest_areas_and_methods(assessment, client, caplog):
    with caplog.at_level("WARNING", logger="weasyprint"):
        response = client.get(path(assessment, "print_pdf"))
    assert not [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")]
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    text = " ".join(_pdf_text(response.content).split())
    assert "Åsa skola" in text
    for heading in ("1. Kartläggning", "2. Samverkan", "3. Organisation och rutiner"):
        assert heading in text
    for title in MAPPING_METHODS.values():
        assert title in text


def test_a_draft_has_no_print_view_yet(client):
    load_indicator_set(Demo(io.StringIO(), None))
    draft = filling.start(school_unit="Utkast", school_form="compulsory", email="a@example.org")
    response = client.get(path(draft, "print"))
    assert response.status_code == 302 and response["Location"] == path(draft, "resume")
    assert client.get(path(draft, "print_pdf")).status_code == 302


def test_a_tampered_link_changes_nothing(assessment, client):
    good = path(assessment, "print")
    token = good.rstrip("/").split("/")[-2]
    response = client.get(good.replace(token, token[:-2] + "xx"))
    assert response.status_code == 400
    assert client.get(good.replace(token, token[:-2] + "xx") + "pdf/").status_code == 400
