"""The exports' read model, the Word file and the guardians' summary, from a routine's content."""

import ast
import io
import json
from pathlib import Path

import docx
import pytest
from django.utils import translation

from methodbank.models import MethodPage
from methodbank.routines.exports import guardians
from methodbank.routines.exports.document import build_document
from methodbank.routines.exports.guardians import guardian_summary
from methodbank.routines.exports.word import build_docx
from tests.routines.export_content import ACCEPTED_WHATS, ROLES, content, methods

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_document_keeps_tiers_in_order_resolves_roles_and_methods():
    (first_id, first_title), (second_id, second_title) = methods()
    doc = build_document(content([first_id, second_id]), version=3)
    assert [tier.code for tier in doc.tiers] == ["promote", "prevent", "act"]
    assert [step.what for step in doc.steps] == ACCEPTED_WHATS
    assert doc.proposed == 1
    promote, prevent, act = doc.tiers
    assert [role.label for role in promote.steps[0].who] == [
        ROLES["principal"],
        ROLES["custom-kurator"],
    ]
    assert [method.title for method in promote.steps[0].methods] == [first_title]
    assert promote.steps[0].methods[0].url.startswith("http")
    assert prevent.steps[0].trigger == "Frånvaro ≥ 10 % under 4 veckor"
    assert prevent.steps[1].who == ()
    assert act.steps[0].duty == "7 kap. 19 § skollagen"
    assert doc.filename("pdf") == "narvarorutin-sodra-skolan-f-6.pdf"
    assert doc.school_form == "Grundskola"


def test_a_method_that_is_no_longer_live_is_left_out():
    (first_id, _title), (second_id, _other) = methods()
    MethodPage.objects.get(pk=second_id).unpublish()
    doc = build_document(content([first_id, second_id]))
    assert [len(step.methods) for step in doc.steps][:2] == [1, 0]


def test_role_view_of_the_document_holds_only_that_roles_steps():
    doc = build_document(content())
    tiers = doc.tiers_for("mentor")
    assert [tier.code for tier in tiers] == ["prevent", "act"]
    steps = [step for tier in tiers for step in tier.steps]
    assert [step.key for step in steps] == ["v1", "a1"]
    assert all(step.has_role("mentor") for step in steps)
    assert doc.step_count("principal") == 2
    assert doc.tiers_for("nobody") == []


def _cell_runs(cell):
    return [run for paragraph in cell.paragraphs for run in paragraph.runs]


def test_word_file_has_a_heading_and_a_table_per_tier_with_every_step_and_bold_roles():
    (first_id, first_title), (second_id, second_title) = methods()
    doc = build_document(content([first_id, second_id]), version=2)
    word = docx.Document(io.BytesIO(build_docx(doc)))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Främjande", "Förebyggande", "Åtgärdande", "Roller"]
    assert len(word.tables) == 3
    rows = [row for table in word.tables for row in table.rows[1:]]
    assert [row.cells[2].paragraphs[0].text for row in rows] == ACCEPTED_WHATS
    text = "\n".join(cell.text for row in rows for cell in row.cells)
    for step in doc.steps:
        assert step.trigger in text and step.when in text
    assert first_title in text and second_title in text
    assert "7 kap. 19 a § skollagen" in text
    # every role that has a step is there, in bold
    bold = {run.text for row in rows for run in _cell_runs(row.cells[1]) if run.bold}
    assert bold == {
        ROLES["mentor"],
        ROLES["principal"],
        ROLES["pupil_health"],
        ROLES["custom-kurator"],
    }
    # the roles list names every role, with its contact
    role_lines = [p.text for p in word.paragraphs if p.style.name == "List Bullet"]
    assert len(role_lines) == 4
    assert any("mentor@sodra.example" in line for line in role_lines)
    assert word.core_properties.title == "Närvarorutin – Södra skolan, F–6"


def test_guardian_summary_in_swedish_and_english():
    doc = build_document(content())
    swedish = guardian_summary(doc)
    headings = [section.heading for section in swedish.sections]
    assert headings == [
        "Skolan arbetar för närvaro varje dag",
        "Om ditt barn är borta utan att ni har anmält det",
        "Om ditt barn är borta ofta",
        "Om frånvaron fortsätter eller är lång",
    ]
    often = swedish.sections[2]
    assert any("10 procent" in sentence and "4 veckor" in sentence for sentence in often.sentences)
    assert [role.code for role in often.roles] == ["mentor"]
    assert [role.code for role in swedish.contacts] == ["mentor", "principal", "custom-kurator"]
    with translation.override("en"):
        assert len(guardian_summary(doc).sections) == 4


def test_every_sentence_of_the_guardian_summary_ships_in_english():
    """The summary is generated from translatable strings only, and each has its English in
    this change's translations (the coordinator compiles them into the catalogue)."""
    shipped = json.loads((ROOT / "ops" / "translations" / "r-out.json").read_text("utf-8"))
    tree = ast.parse(Path(guardians.__file__).read_text("utf-8"))
    msgids = [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_"
    ]
    assert len(msgids) >= 15
    assert [msgid for msgid in msgids if not shipped.get(msgid)] == []


def test_guardian_summary_tells_only_what_the_routine_holds():
    routine = content()
    for tier in routine.tiers:
        tier.steps = [step for step in tier.steps if step.trigger.kind == "first_unexcused"]
    summary = guardian_summary(build_document(routine))
    assert [section.heading for section in summary.sections] == [
        "Om ditt barn är borta utan att ni har anmält det"
    ]
