"""The editors' indicator set as the plain records :mod:`..scoring` works on."""

from dataclasses import dataclass

from ..models import Area, Statement
from ..scoring import AreaData, StatementData


@dataclass(frozen=True)
class SetData:
    """One indicator set: its areas in order, each area's statements in order."""

    areas: list  # AreaData
    statements: list  # StatementData
    area_intros: dict  # area key -> intro

    def area(self, number):
        """The area at position ``number`` (1-based), or None."""
        return self.areas[number - 1] if 1 <= number <= len(self.areas) else None

    def statements_of(self, area_key):
        return [s for s in self.statements if s.area_key == area_key]

    def statement(self, key):
        return next((s for s in self.statements if s.key == key), None)


def set_data(indicator_set_id):
    """The areas and statements of one set (two queries and one for the method links)."""
    areas = list(Area.objects.filter(indicator_set_id=indicator_set_id).order_by("order", "pk"))
    statements = (
        Statement.objects.filter(area__indicator_set_id=indicator_set_id)
        .select_related("area")
        .prefetch_related("methods")
        .order_by("area__order", "area__pk", "order", "pk")
    )
    return SetData(
        areas=[AreaData(a.key, a.title, index) for index, a in enumerate(areas)],
        statements=[
            StatementData(
                key=s.key,
                area_key=s.area.key,
                text=s.text,
                order=index,
                level_texts=(s.level_1, s.level_2, s.level_3, s.level_4),
                method_ids=tuple(m.pk for m in s.methods.all()),
                event_types=tuple(s.event_types or ()),
                service_kind=s.service_kind,
            )
            for index, s in enumerate(statements)
        ],
        area_intros={a.key: a.intro for a in areas},
    )
