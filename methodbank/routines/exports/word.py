"""The routine as a Word file (python-docx): a file the school can keep in its own systems.

A heading per tier, the tier's introduction, then a table per tier with one row per step and
the columns of the print view (trigger, who, what, deadline, methods and material, where it
is documented); roles in bold. The pages are A4 landscape so the six columns stay readable,
and the table's header row repeats on every page.
"""

import io

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt


def _columns():
    return [
        _("När (utlösare)"),
        _("Vem"),
        _("Vad"),
        _("Tidsgräns"),
        _("Metoder och material"),
        _("Dokumenteras"),
    ]


def _landscape(document):
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))


def _repeat_header(row):
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _labelled(cell, label, text):
    if not text:
        return
    paragraph = cell.add_paragraph()
    paragraph.add_run(f"{label}: ").italic = True
    paragraph.add_run(text)


def _step_row(table, step):
    trigger, who, what, when, methods, documented = table.add_row().cells
    trigger.text = step.trigger
    who.text = ""
    paragraph = who.paragraphs[0]
    for index, role in enumerate(step.who):
        if index:
            paragraph.add_run(", ")
        paragraph.add_run(role.label).bold = True
    if not step.who:
        paragraph.add_run(_("Ingen ansvarig roll"))
    what.text = step.what
    _labelled(what, _("Uppföljning"), step.follow_up)
    _labelled(what, _("Skyldighet"), step.duty)
    when.text = step.when
    methods.text = "\n".join(method.title for method in step.methods)
    _labelled(methods, _("Material"), step.materials)
    documented.text = step.documented


def _tier_table(document, tier):
    table = document.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    header = table.rows[0]
    _repeat_header(header)
    for cell, title in zip(header.cells, _columns(), strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(title).bold = True
    for step in tier.steps:
        _step_row(table, step)


def build_docx(document):
    """The bytes of a .docx file of ``document`` (a RoutineDocument)."""
    word = Document()
    _landscape(word)
    word.styles["Normal"].font.size = Pt(10)
    title = _("Närvarorutin – %(school)s") % {"school": document.school_unit}
    word.core_properties.title = title
    word.core_properties.language = "sv"
    word.add_heading(title, level=0)
    facts = [document.school_form]
    if document.review_date:
        facts.append(
            _("Ses över senast %(date)s") % {"date": formats.date_format(document.review_date)}
        )
    if document.version:
        facts.append(_("Version %(version)s") % {"version": document.version})
    word.add_paragraph(" · ".join(filter(None, facts)))
    for tier in document.tiers:
        word.add_heading(tier.label, level=1)
        if tier.intro:
            word.add_paragraph(tier.intro)
        if tier.steps:
            _tier_table(word, tier)
        else:
            word.add_paragraph(_("Inga steg på den här nivån ännu."))
    word.add_heading(_("Roller"), level=1)
    for role in document.roles:
        paragraph = word.add_paragraph(style="List Bullet")
        paragraph.add_run(role.label).bold = True
        if role.contact:
            paragraph.add_run(f" – {role.contact}")
        count = document.step_count(role.code)
        steps = ngettext("%(count)s steg", "%(count)s steg", count) % {"count": count}
        paragraph.add_run(f" ({steps})")
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
