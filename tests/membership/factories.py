"""Test data for the network, built through the real services and Wagtail's page API.

The session database holds no demo: a test builds the pages and people it needs. Organisation
types and the members group come from the migrations.
"""

import itertools
import re
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection

from network.membership.demo import simple_pdf
from network.membership.models import (
    LoginToken,
    MeetingNotesPage,
    MemberAreaPage,
    MemberDirectoryPage,
    MembershipApplication,
    NetworkPage,
    OrganisationType,
)
from network.membership.services import applications
from network.membership.services.member_area import ensure_member_privacy
from tests import builders

_counter = itertools.count(1)

NOTES_TITLE = "Nätverksträff 10 september 2026: roller och ansvar"
DOCUMENT_TITLE = "Arbetsmaterial: frågor inför en frånvarokartläggning"


def organisation_type(slug="skola"):
    return OrganisationType.objects.get(slug=slug)


def application_data(**overrides):
    n = next(_counter)
    data = {
        "name": f"Testa Testsson {n}",
        "email": f"testa.{n}@example.org",
        "organisation_type": organisation_type("elevhalsa").pk,
        "organisation": "Provskolan (test)",
        "role": "Kurator",
        "motivation": "Vill samverka kring närvaro.",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def pending_application(**overrides):
    """A verified application waiting for Team Domino (organisation type: a slug or a type)."""
    n = next(_counter)
    fields = {
        "name": f"Sökande {n}",
        "email": f"sokande.{n}@example.org",
        "organisation_type": organisation_type("ifo"),
        "organisation": "IFO Provstad (test)",
        "role": "Socialsekreterare",
        "motivation": "Samverkan.",
        "consent_at": timezone.now(),
        "verified_at": timezone.now(),
        "status": MembershipApplication.Status.PENDING,
    }
    fields.update(overrides)
    if isinstance(fields["organisation_type"], str):
        fields["organisation_type"] = organisation_type(fields["organisation_type"])
    return MembershipApplication.objects.create(**fields)


def member(**overrides):
    """A member made by approving an application, as in real life."""
    application = pending_application(**overrides)
    approved = applications.approve_application(application.pk)
    # The approval e-mail's one-time link (tests/membership/test_first_steps.py) is set aside,
    # so login-link tests start from a member who asks for a link.
    LoginToken.objects.filter(member=approved).delete()
    return approved


#: A small directory: name, organisation type, organisation, role, listed in the directory.
DIRECTORY = [
    ("Alva Exempelsson", "skola", "Påhittsskolan F–6", "Rektor", True),
    ("Bo Demosson", "elevhalsa", "Elevhälsan, Exempelområdet", "Kurator", True),
    ("Cecilia Fiktiv", "ifo", "IFO Barn och unga, Exempelstad", "Socialsekreterare", True),
    ("Dragan Låtsasberg", "bup", "BUP Exempelstad", "Psykolog", True),
    ("Elin Provström", "skola", "Testbyskolan 7–9", "Specialpedagog", True),
    ("Farid Påhittsson", "annan", "Fritidsförvaltningen, Exempelstad", "Fältassistent", False),
]


def directory_members():
    """The six members of :data:`DIRECTORY` (e-mail: first.last@example.org, ASCII)."""
    made = []
    for name, type_slug, organisation, role, listed in DIRECTORY:
        email = _ascii(name).lower().replace(" ", ".") + "@example.org"
        made.append(
            member(
                name=name,
                email=email,
                organisation_type=type_slug,
                organisation=organisation,
                role=role,
                show_in_directory=listed,
            )
        )
    return made


def _ascii(text):
    return text.translate(str.maketrans("åäöÅÄÖ", "aaoAAO"))


def non_member_user(**fields):
    n = next(_counter)
    return get_user_model().objects.create_user(
        username=f"other-{n}", email=f"other.{n}@example.org", password="x-Very-long-pass-123"
    )


@dataclass
class NetworkPages:
    network: NetworkPage
    area: MemberAreaPage
    notes: list
    directory: MemberDirectoryPage
    document: object
    english: list  # the English translations of the member pages, if asked for

    @property
    def member_pages(self):
        return [self.area, *self.notes, self.directory, *self.english]


def _shared_document():
    collection = Collection.get_first_root_node().add_child(name="Nätverkets material (test)")
    pdf = simple_pdf("Fragor infor en kartlaggning", ["Arbetsmaterial (test)."])
    document = get_document_model()(title=DOCUMENT_TITLE, collection=collection)
    document.file.save("natverket-test.pdf", ContentFile(pdf), save=False)
    document.file_size = len(pdf)
    document._set_file_hash()
    document.save()
    return document


def network_pages(*, english=False):
    """The public network page (/natverket/, in the menu) and below it the member area
    (/natverket/medlemsytan/) with two meeting notes, the directory (…/medlemmar/) and a
    private collection holding one shared PDF; privacy as editors get it when they save.
    ``english``: also the English network page, member area and directory."""
    home = builders.home("sv")
    network = builders.add_page(
        home,
        NetworkPage(
            title="Närvaronätverket",
            slug="natverket",
            show_in_menus=True,
            intro="Närvaronätverket samlar personal från skola, elevhälsa, IFO och BUP.",
            who_can_join="<p>Du som möter elever med oroande frånvaro.</p>",
            member_benefits="<p>Nätverksträffar och delat material.</p>",
        ),
    )
    document = _shared_document()
    area = builders.add_page(
        network,
        MemberAreaPage(
            title="Medlemsytan", slug="medlemsytan", material_collection=document.collection
        ),
    )
    ensure_member_privacy(area)
    notes = [
        builders.add_page(
            area,
            MeetingNotesPage(title=title, slug=slug, meeting_date=day, intro="Tema: roller."),
        )
        for title, slug, day in (
            (NOTES_TITLE, "traff-2026-09-10", date(2026, 9, 10)),
            ("Nätverksträff 22 oktober 2026: samverkan", "traff-2026-10-22", date(2026, 10, 22)),
        )
    ]
    directory = builders.add_page(
        area, MemberDirectoryPage(title="Medlemsförteckning", slug="medlemmar")
    )
    translations = []
    if english:
        builders.translate(network, "en", slug="network", title="The attendance network")
        area_en = builders.translate(area, "en", title="Member area")
        ensure_member_privacy(area_en)
        directory_en = builders.translate(directory, "en", slug="members", title="Directory")
        translations = [area_en, directory_en]
    return NetworkPages(network, area, notes, directory, document, translations)


def links_in(message):
    return re.findall(r"https?://[^\s\"<>]+", message.body)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)
