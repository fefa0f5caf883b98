"""Demo assessments: sixteen fictional schools complete "Hur står vi oss?" through the same
services a school team uses (start, save one area at a time, complete).

The levels are made up but follow the sources: routines that exist on paper but are not
carried out, too few investigations and mappings, and collaboration that depends on persons
score lowest; the promoting work scores highest. A few "vet inte" where teams typically do not
know. Four school forms: two groups large enough to show in Team Domino's aggregate and two
too small, which together are five schools (so the others can show). Ekbackens skola shares
its result with Team Domino and has repeated the assessment (the change since last time).
"""

import zlib
from datetime import timedelta

from django.utils import timezone

from kcsite.vocabularies import SchoolForm

from .choices import DONT_KNOW
from .models import Assessment
from .services import filling
from .services.indicators import set_data

SHARING_SCHOOL = "Ekbackens skola"

SCHOOLS = [
    # (name, school form, general offset from the area's typical level)
    (SHARING_SCHOOL, SchoolForm.COMPULSORY, -0.3),
    ("Lindängsskolan", SchoolForm.COMPULSORY, 0.4),
    ("Stensjöskolan", SchoolForm.COMPULSORY, -0.6),
    ("Björkhagaskolan", SchoolForm.COMPULSORY, 0.1),
    ("Tallmoskolan", SchoolForm.COMPULSORY, 0.7),
    ("Solbackaskolan", SchoolForm.COMPULSORY, -0.1),
    ("Viskadalens gymnasium", SchoolForm.UPPER_SECONDARY, -0.4),
    ("Kvarngärdets gymnasium", SchoolForm.UPPER_SECONDARY, 0.2),
    ("Älvstrandens gymnasium", SchoolForm.UPPER_SECONDARY, -0.7),
    ("Hagalunds naturbruksgymnasium", SchoolForm.UPPER_SECONDARY, 0.5),
    ("Norrmalms gymnasium", SchoolForm.UPPER_SECONDARY, 0.0),
    ("Klöverns anpassade grundskola", SchoolForm.ADAPTED_COMPULSORY, 0.3),
    ("Ängsvägens anpassade grundskola", SchoolForm.ADAPTED_COMPULSORY, -0.2),
    ("Rönnens anpassade grundskola", SchoolForm.ADAPTED_COMPULSORY, 0.6),
    ("Ekbackens förskoleklass", SchoolForm.PRESCHOOL_CLASS, 0.2),
    ("Lindängens förskoleklass", SchoolForm.PRESCHOOL_CLASS, -0.1),
]

#: The typical level of each area across the schools (the sources' picture).
AREA_BASE = {
    "promote": 3.0,
    "prevent": 2.6,
    "act": 2.3,
    "routines": 1.9,
    "collaboration": 2.3,
    "mapping": 1.7,
}
#: Areas where a team often does not know how things stand.
UNCERTAIN_AREAS = {"routines", "collaboration", "mapping"}


def _spread(*parts):
    """A stable number 0–999 from ``parts`` (the same levels on every load)."""
    return zlib.crc32("/".join(str(p) for p in parts).encode()) % 1000


def demo_level(school, offset, area_key, statement_key, round_=0):
    """The demo level ("1"–"4" or "vet inte") of one school for one statement."""
    spread = _spread(school, statement_key, round_)
    if area_key in UNCERTAIN_AREAS and spread % 11 == 0:
        return DONT_KNOW
    value = AREA_BASE.get(area_key, 2.5) + offset + (spread % 3 - 1) * 0.6 + round_ * 0.5
    return str(min(4, max(1, round(value))))


def _fill(data, school, school_form, offset, *, when, previous=None, round_=0):
    email = f"demo-sjalvskattning-{_spread(school)}@example.org"
    assessment = filling.start(
        school_unit=school,
        school_form=school_form,
        email=email,
        previous=previous,
        now=when - timedelta(days=6),
    )
    for area in data.areas:
        levels = {
            s.key: demo_level(school, offset, area.key, s.key, round_)
            for s in data.statements_of(area.key)
        }
        assessment = filling.save_area(
            assessment.pk, assessment.version, area_key=area.key, levels=levels
        )
    return filling.complete(
        assessment.pk,
        assessment.version,
        share_with_team_domino=school == SHARING_SCHOOL,
        now=when,
    )


def load_assessments(demo, indicator_set):
    """The demo schools' completed assessments, for schools that have none yet."""
    if indicator_set is None or not indicator_set.is_active:
        return
    data = set_data(indicator_set.pk)
    today = timezone.now().replace(hour=14, minute=0, second=0, microsecond=0)
    started = False
    for number, (school, school_form, offset) in enumerate(SCHOOLS):
        if Assessment.objects.filter(school_unit=school).exists():
            demo.tally(False)
            continue
        if not started:
            demo.step("Hur står vi oss?: självskattningar från 16 skolor")
            started = True
        when = today - timedelta(days=3 + 4 * number)
        previous = None
        if school == SHARING_SCHOOL:
            previous = _fill(data, school, school_form, offset, when=when - timedelta(days=365))
        _fill(
            data,
            school,
            school_form,
            offset,
            when=when,
            previous=previous,
            round_=1 if previous else 0,
        )
        demo.tally(True)
