"""The routine's outputs over HTTP: print view, PDF, Word file, role pages, guardians' summary.

Each is reached with the edit link and with the read-only share link; a share link gives the
outputs but never the edit address, and a tampered or outdated link changes nothing.
"""

import io
import re

import docx
import pytest
from bs4 import BeautifulSoup
from django.urls import resolve, reverse
from pypdf import PdfReader

from kcsite import links
from methodbank.routines.content import Trigger
from methodbank.routines.models import Routine, RoutineTemplate
from methodbank.routines.services.building import create_routine
from methodbank.routines.services.editing import save
from methodbank.routines.services.sharing import new_share_link
from methodbank.routines.services.tokens import edit_token, share_token
from tests.routines.export_content import ACCEPTED_WHATS, ROLES, content, methods

pytestmark = pytest.mark.django_db
FILENAME = "narvarorutin-sodra-skolan-f-6"


@pytest.fixture
def routine():
    ids = [pk for pk, _title in methods()]
    template = RoutineTemplate.objects.create(name="Mall", published=True)
    routine = create_routine(template=template, school_unit="Södra skolan, F–6", mail=False)
    return save(routine, routine.version, content(ids))


@pytest.fixture(params=["edit", "share"])
def token(request, routine):
    return edit_token(routine) if request.param == "edit" else share_token(routine)


def _url(name, token, *args):
    return reverse(f"routines:{name}", args=[token, *args])


def _soup(response):
    assert response.status_code == 200, response.content[:500]
    return BeautifulSoup(response.content, "html.parser")


def _words(text):
    return re.sub(r"\s+", " ", text).strip()


def _opens(url):
    """``(view name, "edit" | "share")`` of an output's address."""
    match = resolve(url)
    token = match.kwargs["token"]
    for kind in ("edit", "share"):
        try:
            links.read_token(f"routines.{kind}", token)
        except links.LinkError:
            continue
        return match.url_name, kind
    return match.url_name, None


def _private(response):
    cache = response["Cache-Control"]
    assert "private" in cache and "no-store" in cache
    assert response["Referrer-Policy"] == "no-referrer"


def test_print_view_has_one_section_per_tier_and_every_step_with_bold_roles(client, routine, token):
    response = client.get(_url("print", token))
    _private(response)
    soup = _soup(response)
    sections = soup.select("section.tier-section")
    assert [section.h2["id"] for section in sections] == [
        "niva-promote",
        "niva-prevent",
        "niva-act",
    ]
    steps = soup.select(".routine-step")
    assert [step["id"] for step in steps] == ["steg-p1", "steg-v1", "steg-v2", "steg-a1", "steg-a2"]
    whats = [_words(step.select("dd")[1].get_text()) for step in steps]
    assert whats == ACCEPTED_WHATS
    bold = {strong.get_text() for strong in soup.select(".routine-step__who strong")}
    assert bold == set(ROLES.values())
    assert soup.select_one("#steg-v1 h3").get_text() == "Frånvaro ≥ 10 % under 4 veckor"
    methods_listed = [a.get_text() for a in soup.select(".routine-step__methods a")]
    assert methods_listed == ["Testmetod nummer 1", "Testmetod nummer 2"]
    # the toolbar offers the files, the role pages and the guardians' summary (those two are
    # handed on: always with the share link)
    links = {a["href"] for a in soup.select("a[href]")}
    assert {_url("pdf", token), _url("docx", token)} <= links
    assert _opens(soup.select_one('a[href$="/vardnadshavare/"]')["href"]) == ("guardians", "share")
    roles = [_opens(a["href"]) for a in soup.select(".doc-roles a")]
    assert roles == [("role", "share")] * len(ROLES)
    # the proposal that was not accepted is not printed, and the page says so
    assert soup.select_one(".doc__notice")


def test_pdf_opens_and_holds_every_step_and_role(client, token):
    response = client.get(_url("pdf", token))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{FILENAME}.pdf"'
    _private(response)
    reader = PdfReader(io.BytesIO(response.content))
    pages = [page.extract_text() for page in reader.pages]
    # each tier begins a page of its own
    starts = [
        next(i for i, page in enumerate(pages) if re.search(rf"^{label}$", page, re.M))
        for label in ("Främjande", "Förebyggande", "Åtgärdande")
    ]
    assert starts == sorted(set(starts)) and len(set(starts)) == 3
    assert all(
        pages[i].split("\n")[0] == label
        for i, label in zip(starts[1:], ("Förebyggande", "Åtgärdande"), strict=True)
    )
    text = _words(" ".join(pages))
    for what in ACCEPTED_WHATS:
        assert what in text
    for label in ROLES.values():
        assert label in text
    assert "Frånvaro ≥ 10 % under 4 veckor" in text
    assert "Ett föreslaget steg" not in text


def test_word_file_opens_and_holds_every_step_and_role(client, token):
    response = client.get(_url("docx", token))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"] == f'attachment; filename="{FILENAME}.docx"'
    _private(response)
    word = docx.Document(io.BytesIO(response.content))
    text = "\n".join(cell.text for table in word.tables for row in table.rows for cell in row.cells)
    for what in ACCEPTED_WHATS:
        assert what in text
    for label in ROLES.values():
        assert label in text


def test_role_page_holds_only_that_roles_steps(client, token):
    soup = _soup(client.get(_url("role", token, "mentor"), follow=True))
    assert ROLES["mentor"] in soup.h1.get_text()
    assert [step["id"] for step in soup.select(".routine-step")] == ["steg-v1", "steg-a1"]
    assert [s.h2.get_text() for s in soup.select("section.tier-section")] == [
        "Förebyggande",
        "Åtgärdande",
    ]
    for who in soup.select(".routine-step__who"):
        assert ROLES["mentor"] in [strong.get_text() for strong in who.select("strong")]
    custom = _soup(client.get(_url("role", token, "custom-kurator"), follow=True))
    assert [step["id"] for step in custom.select(".routine-step")] == ["steg-p1"]
    assert client.get(_url("role", token, "teacher"), follow=True).status_code == 404


def test_guardians_summary_in_swedish_and_english(client, token):
    soup = _soup(client.get(_url("guardians", token), follow=True))
    assert soup.html["lang"] == "sv"
    headings = [h2.get_text() for h2 in soup.select(".guardian-section h2")]
    assert len(headings) == 5  # four from the routine, and whom to talk to
    assert "mentor@sodra.example" in soup.select_one("#kontakt").find_next("ul").get_text()
    english_link = soup.select_one('a[hreflang="en"]')
    assert english_link["href"].startswith("/en/")
    english = _soup(client.get(english_link["href"]))
    assert english.html["lang"] == "en"
    assert len(english.select(".guardian-section")) == 5


def test_pages_a_school_hands_on_move_an_edit_link_to_the_share_link(client, routine):
    edit, shared = edit_token(routine), share_token(routine)
    response = client.get(_url("guardians", edit))
    assert response.status_code == 302
    assert _opens(response["Location"]) == ("guardians", "share")
    response = client.get(_url("role", edit, "mentor"))
    assert _opens(response["Location"]) == ("role", "share")
    assert response["Location"].endswith("/mentor/")
    # with the share link they answer at once
    assert client.get(_url("guardians", shared)).status_code == 200
    # the print view opened with the edit link leads back to editing
    soup = _soup(client.get(_url("print", edit)))
    assert reverse("routines:edit", args=[edit]) in {a["href"] for a in soup.select("a[href]")}


def test_share_link_outputs_never_show_the_edit_address(client, routine):
    shared = share_token(routine)
    edit = edit_token(routine)
    for name in ("print", "guardians"):
        html = client.get(_url(name, shared)).content.decode()
        assert edit not in html
        assert reverse("routines:shared", args=[shared]) in html
    html = client.get(_url("role", shared, "mentor")).content.decode()
    assert edit not in html
    # the share token does not open the edit page
    assert client.get(reverse("routines:edit", args=[shared])).status_code >= 400


@pytest.mark.parametrize("name", ["print", "pdf", "docx", "guardians"])
def test_tampered_and_outdated_links_change_nothing(client, routine, name):
    before = Routine.objects.values().get(pk=routine.pk)
    for token in (edit_token(routine), share_token(routine)):
        tampered = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
        response = client.get(_url(name, tampered))
        assert response.status_code == 400
        assert response["Cache-Control"] == "private, no-store"
        problem = BeautifulSoup(response.content, "html.parser")
        assert problem.select_one(f'a[href="{reverse("routines:link_again")}"]')
        # the outputs only read: a POST is refused
        assert client.post(_url(name, token)).status_code == 405
    old = share_token(routine)
    new_share_link(routine)
    assert client.get(_url(name, old)).status_code == 400
    after = Routine.objects.values().get(pk=routine.pk)
    assert {**after, "share_generation": 0} == {**before, "share_generation": 0}


def test_print_view_leaves_out_empty_facts_and_marks_a_missing_trigger(client, routine):
    fresh = routine.routine_content()
    fresh.find_step("v2")[2].trigger = Trigger("custom", text="")
    routine = save(routine, routine.version, fresh)
    page = _soup(client.get(_url("print", edit_token(routine))))
    step = page.select_one("#steg-v2")
    assert [_words(dt.get_text()) for dt in step.select("dt")] == ["Vem", "Vad", "Tidsgräns"]
    assert step.select_one("h3 .routine-step__missing")
    assert not page.select_one("#steg-v1 h3 .routine-step__missing")
