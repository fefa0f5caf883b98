"""Builders for the self-assessment's tests: a small indicator set as editors make it in the
admin (snippets saved through the ORM), assessments through the app's services."""

import re
from itertools import count

from kcsite.links import LinkError
from network.assessment.models import Area, IndicatorSet, Statement
from network.assessment.services import filling, links

_numbers = count(1)

# area key -> [(statement key, service kind, event types)]
SMALL_SET = {
    "promote": [("valkomnande-skola", "gdq", ["knowledge_exchange"])],
    "routines": [
        ("samma-dag-kontakt", "process_support", ["training"]),
        ("roller-och-rutiner", "process_support", []),
    ],
    "mapping": [("skyndsam-utredning", "mapping", ["training"])],
}
TITLES = {
    "promote": "Främjande arbete",
    "prevent": "Förebyggande arbete",
    "act": "Åtgärdande arbete",
    "routines": "Organisation och rutiner",
    "collaboration": "Samverkan",
    "mapping": "Kartläggning",
}


def make_set(spec=None, *, active=True, title=None):
    """An indicator set with the areas and statements of ``spec`` (default :data:`SMALL_SET`),
    in that order; each statement's four levels are described in words."""
    spec = SMALL_SET if spec is None else spec
    indicator_set = IndicatorSet.objects.create(
        title=title or f"Indikatorer {next(_numbers)}",
        intro="Så här gör ni självskattningen.",
        is_active=active,
    )
    for area_order, (area_key, statements) in enumerate(spec.items()):
        area = Area.objects.create(
            indicator_set=indicator_set,
            key=area_key,
            title=TITLES[area_key],
            intro=f"Om {TITLES[area_key].lower()}.",
            order=area_order,
        )
        for order, (key, service_kind, event_types) in enumerate(statements):
            Statement.objects.create(
                area=area,
                key=key,
                order=order,
                text=f"Påstående {key}",
                level_1=f"{key}: inte påbörjat",
                level_2=f"{key}: påbörjat",
                level_3=f"{key}: till stor del",
                level_4=f"{key}: etablerat",
                service_kind=service_kind,
                event_types=event_types,
            )
    return indicator_set


def start(**overrides):
    data = {
        "school_unit": "Testskolan",
        "school_form": "compulsory",
        "email": "rektor@skola.example",
    }
    data.update(overrides)
    return filling.start(**data)


def answer_all(assessment, levels, comments=None):
    """Save ``levels`` ({statement key: level}) area by area, as the pages post them."""
    comments = comments or {}
    for area in assessment.indicator_set.areas.order_by("order"):
        keys = list(area.statements.values_list("key", flat=True))
        assessment = filling.save_area(
            assessment.pk,
            assessment.version,
            area_key=area.key,
            levels={key: levels.get(key, "") for key in keys},
            comment=comments.get(area.key, ""),
        )
    return assessment


def completed(levels, **overrides):
    assessment = answer_all(start(**overrides), levels)
    return filling.complete(assessment.pk, assessment.version)


def path(assessment, name="resume", **kwargs):
    return links.path_for(assessment, name, "sv", **kwargs)


_TOKEN = re.compile(r"(/hur-star-vi-oss/)([^/?]+)(/)")


def norm(path):
    """``path`` with its signed token replaced by the assessment's id: two links to the same
    page made in different seconds carry different tokens (the signature holds a time)."""

    def by_id(match):
        try:
            return f"{match.group(1)}#{links.read(match.group(2)).pk}{match.group(3)}"
        except LinkError:
            return match.group(0)

    return _TOKEN.sub(by_id, path)


def link_to(page, path):
    """The first ``<a>`` in ``page`` (parsed HTML) that leads to ``path``, or None."""
    return next((a for a in page.select("a[href]") if norm(a["href"]) == norm(path)), None)
