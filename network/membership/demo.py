"""Demo content of the attendance network: the public page, a private member area with two
meeting notes and a shared document, six fictional members and one pending application."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection

from kcsite.pages.demo_tools import home_page

from .models import (
    MeetingNotesPage,
    Member,
    MemberAreaPage,
    MemberDirectoryPage,
    MembershipApplication,
    NetworkPage,
    OrganisationType,
)
from .services.common import members_group
from .services.member_area import ensure_member_privacy

COLLECTION_NAME = "Närvaronätverket – material för medlemmar"
DOCUMENT_TITLE = "Arbetsmaterial: frågor inför en frånvarokartläggning (nätverket)"


def _p(text):
    return f"<p>{text}</p>"


def _ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _paragraph(html):
    return {"type": "paragraph", "value": html}


def _heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def simple_pdf(title, lines):
    """A small, valid one-page PDF with a title and lines of text (Latin-1)."""

    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = ["BT", "/F1 16 Tf", "56 780 Td", f"({escape(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        stream += ["0 -20 Td", f"({escape(line)}) Tj"]
    stream.append("ET")
    content = "\n".join(stream).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


MEMBERS = [
    # name, e-mail, organisation type slug, organisation, role, in directory
    (
        "Alva Exempelsson",
        "alva.exempelsson@example.org",
        "skola",
        "Påhittsskolan F–6 (demo)",
        "Rektor",
        True,
    ),
    (
        "Bo Demosson",
        "bo.demosson@example.org",
        "elevhalsa",
        "Elevhälsan, Exempelområdet (demo)",
        "Kurator",
        True,
    ),
    (
        "Cecilia Fiktiv",
        "cecilia.fiktiv@example.org",
        "ifo",
        "IFO Barn och unga, Exempelstad (demo)",
        "Socialsekreterare",
        True,
    ),
    (
        "Dragan Låtsasberg",
        "dragan.latsasberg@example.org",
        "bup",
        "BUP Exempelstad (demo)",
        "Psykolog",
        True,
    ),
    (
        "Elin Provström",
        "elin.provstrom@example.org",
        "skola",
        "Testbyskolan 7–9 (demo)",
        "Specialpedagog",
        True,
    ),
    (
        "Farid Påhittsson",
        "farid.pahittsson@example.org",
        "annan",
        "Fritidsförvaltningen, Exempelstad (demo)",
        "Fältassistent",
        False,
    ),
]


def _collection(demo):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    demo.tally(existing is None)
    return existing or root.add_child(name=COLLECTION_NAME)


def _document(demo, collection):
    Document = get_document_model()
    existing = Document.objects.filter(title=DOCUMENT_TITLE, collection=collection).first()
    demo.tally(existing is None)
    if existing:
        return existing
    pdf = simple_pdf(
        "Fragor infor en franvarokartlaggning",
        [
            "Arbetsmaterial for narvaronatverket (demo). Innehaller inga elevuppgifter.",
            "1. Hur ser franvaron ut i dagar och veckor av missad undervisning?",
            "2. Vilka rutiner finns, och genomfors de? Vem gor vad, nar och hur?",
            "3. Vilka insatser finns pa framjande, forebyggande och atgardande niva?",
            "4. Hur samverkar skola, elevhalsa, IFO och BUP i arendet?",
        ],
    )
    document = Document(title=DOCUMENT_TITLE, collection=collection)
    document.file.save("natverket-fragor-kartlaggning.pdf", ContentFile(pdf), save=False)
    document.file_size = len(pdf)
    document._set_file_hash()
    document.save()
    return document


def _members(demo):
    types = {t.slug: t for t in OrganisationType.objects.all()}
    group = members_group()
    for index, (name, email, type_slug, organisation, role, listed) in enumerate(MEMBERS):
        if Member.objects.filter(email__iexact=email).exists():
            demo.tally(False)
            continue
        user = get_user_model().objects.create_user(
            username=f"demo-member-{index + 1}", email=email, password=None
        )
        user.groups.add(group)
        Member.objects.create(
            user=user,
            name=name,
            email=email,
            organisation_type=types[type_slug],
            organisation=organisation,
            role=role,
            show_in_directory=listed,
        )
        demo.tally(True)


def _pending_application(demo):
    email = "gustav.ansokare@example.org"
    if MembershipApplication.objects.filter(email=email).exists():
        demo.tally(False)
        return
    now = timezone.now()
    MembershipApplication.objects.create(
        name="Gustav Ansökarsson",
        email=email,
        organisation_type=OrganisationType.objects.get(slug="elevhalsa"),
        organisation="Elevhälsan, Demoskolan (demo)",
        role="Skolsköterska",
        motivation=(
            "Vi har startat ett närvaroteam och vill lära av hur andra skolor och IFO "
            "samverkar kring oroande frånvaro."
        ),
        show_in_directory=True,
        consent_at=now - timedelta(days=2),
        created_at=now - timedelta(days=2),
        verified_at=now - timedelta(days=2),
        status=MembershipApplication.Status.PENDING,
    )
    demo.tally(True)


def load_demo(demo):
    home = home_page("sv")

    demo.step("network page /natverket/")
    network = demo.page(
        home,
        NetworkPage,
        "natverket",
        title="Närvaronätverket",
        show_in_menus=True,
        search_description=(
            "Ett nätverk för dig som arbetar med skolnärvaro i skola, elevhälsa, IFO och BUP: "
            "träffar, minnesanteckningar, material och kontakter."
        ),
        intro=(
            "Närvaronätverket samlar personal från skola, elevhälsa, socialtjänstens IFO och "
            "BUP som arbetar med att främja närvaro och möta problematisk skolfrånvaro. "
            "Team Domino håller ihop nätverket – spindeln i nätet."
        ),
        body=[
            _heading("Varför ett nätverk?"),
            _paragraph(
                _p(
                    "Frånvaro har sällan en enda orsak, och ingen verksamhet löser den ensam. "
                    "I nätverket möts de som har mandat att agera: rektorer, elevhälsans "
                    "professioner, socialsekreterare och BUP. Vi delar erfarenheter, metoder "
                    "och material, och lär oss vem som gör vad, när och hur."
                )
            ),
        ],
        who_can_join=_p(
            "Du som i ditt arbete möter elever med oroande eller problematisk frånvaro:"
        )
        + _ul(
            "skolpersonal, rektorer och mentorer",
            "elevhälsans personal – kurator, skolsköterska, psykolog, specialpedagog",
            "socialtjänsten (IFO)",
            "barn- och ungdomspsykiatrin (BUP) och andra som samverkar kring närvaro",
        ),
        member_benefits=_ul(
            "nätverksträffar några gånger per termin med tema och erfarenhetsutbyte",
            "minnesanteckningar och delat material i medlemsytan",
            "en medlemsförteckning så att du hittar kollegor i andra verksamheter",
            "inbjudningar till kunskapsutbyten och utbildningar",
        ),
        how_to_apply=_p(
            "Fyll i ansökan med din e-post i tjänsten. Du bekräftar adressen via en länk, "
            "och sedan går Team Domino igenom ansökan. Du får besked via e-post."
        ),
    )

    demo.step("private collection with the members' shared document")
    collection = _collection(demo)
    _document(demo, collection)

    demo.step("member area (members only): two meeting notes and the directory")
    area = demo.page(
        network,
        MemberAreaPage,
        "medlemsytan",
        title="Medlemsytan",
        intro="Här finns minnesanteckningar, delat material och medlemsförteckningen.",
        material_collection=collection,
    )
    ensure_member_privacy(area)
    demo.page(
        area,
        MeetingNotesPage,
        "traff-2026-09-10",
        title="Nätverksträff 10 september 2026: roller och ansvar",
        meeting_date=date(2026, 9, 10),
        intro="Tema: vem gör vad, när och hur när frånvaron ökar?",
        body=[
            _paragraph(
                _p("Närvarande: 14 medlemmar från skola, elevhälsa, IFO och BUP.")
                + _ul(
                    "Kramfors kartläggning visade att rutiner finns men inte genomförs – "
                    "vi gick igenom hur en rutin blir mer än en pappersprodukt.",
                    "Förslag: uttryck frånvaro som missad undervisning i dagar och veckor.",
                    "Till nästa gång: varje verksamhet tar med sin rutin för samverkan.",
                )
            )
        ],
    )
    demo.page(
        area,
        MeetingNotesPage,
        "traff-2026-10-22",
        title="Nätverksträff 22 oktober 2026: samverkan skola–IFO",
        meeting_date=date(2026, 10, 22),
        intro="Tema: samtycke och samverkan mellan skola och socialtjänst.",
        body=[
            _paragraph(
                _p("Närvarande: 11 medlemmar.")
                + _ul(
                    "Samtycke från vårdnadshavare behövs innan uppgifter om en enskild elev "
                    "delas mellan verksamheter.",
                    "IFO berättade om hur en orosanmälan tas emot och vad skolan får veta.",
                    "Material: frågor inför en frånvarokartläggning finns under Delat material.",
                )
            )
        ],
    )
    demo.page(
        area,
        MemberDirectoryPage,
        "medlemmar",
        title="Medlemsförteckning",
        intro="Hitta kollegor i nätverket: sök på namn, roll eller organisation.",
    )

    demo.step("six fictional members and one pending application")
    _members(demo)
    _pending_application(demo)

    demo.step("English translation of the network page and the member area")
    demo.translation(
        network,
        "en",
        slug="network",
        title="The attendance network",
        intro=(
            "The attendance network brings together staff from schools, pupil health, social "
            "services (IFO) and child psychiatry (BUP) who work to promote attendance and act "
            "on problematic school absence. Team Domino holds the network together."
        ),
        search_description=(
            "A network for people working on school attendance in schools, pupil health, IFO "
            "and BUP: meetings, notes, material and contacts."
        ),
        body=[
            _heading("Why a network?"),
            _paragraph(
                _p(
                    "Absence rarely has a single cause, and no organisation solves it alone. "
                    "In the network, people with a mandate to act meet, share experience, "
                    "methods and material, and learn who does what, when and how."
                )
            ),
        ],
        who_can_join=_p("Anyone whose work involves pupils with worrying or problematic absence:")
        + _ul(
            "school staff, principals and mentors",
            "pupil-health staff – counsellors, school nurses, psychologists, special educators",
            "social services (IFO)",
            "child and adolescent psychiatry (BUP) and others working together on attendance",
        ),
        member_benefits=_ul(
            "network meetings a few times a term with a theme and exchange of experience",
            "meeting notes and shared material in the member area",
            "a member directory to find colleagues in other organisations",
            "invitations to knowledge exchanges and trainings",
        ),
        how_to_apply=_p(
            "Fill in the application with your work e-mail. You confirm the address through a "
            "link, then Team Domino reviews the application. You will hear from us by e-mail."
        ),
    )
    area_en = demo.translation(
        area,
        "en",
        title="Member area",
        intro="Meeting notes, shared material and the member directory.",
    )
    ensure_member_privacy(area_en)
    directory = area.get_children().type(MemberDirectoryPage).first()
    if directory is not None:
        demo.translation(
            directory,
            "en",
            slug="members",
            title="Member directory",
            intro="Find colleagues in the network: search by name, role or organisation.",
        )
