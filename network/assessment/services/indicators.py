"""The editors' indicator set as the plain records :mod:`..scoring` works on, in the active
language.

An assessment points to an original set: its areas and statements give the structure (keys,
order, linked methods, event types, service). Their translations into the active language
(wagtail-localize) give the words; where there is none, or an editor left a text empty, the
original's words are shown.
"""

from dataclasses import dataclass

from wagtail.models import Locale

from ..models import Area, Statement
from ..scoring import AreaData, StatementData

AREA_WORDS = ("title", "intro")
STATEMENT_WORDS = ("text", "level_1", "level_2", "level_3", "level_4")


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


def words_in_active_language(model, originals, fields):
    """``{original pk: {field: text}}``: the words of each original's translation into the
    active language (one query; none when the originals are in it). A field the translation
    leaves empty keeps the original's text."""
    locale = Locale.get_active()
    others = [o for o in originals if o.locale_id != locale.pk]
    if not others:
        return {}
    translations = {
        t.translation_key: t
        for t in model.objects.filter(
            locale=locale, translation_key__in=[o.translation_key for o in others]
        ).only("translation_key", *fields)
    }
    words = {}
    for original in others:
        translation = translations.get(original.translation_key)
        if translation is not None:
            words[original.pk] = {
                name: getattr(translation, name) or getattr(original, name) for name in fields
            }
    return words


def _word(words, instance, name):
    return words.get(instance.pk, {}).get(name) or getattr(instance, name)


def set_data(indicator_set_id):
    """The areas and statements of one set, in the active language (four queries, one for the
    method links)."""
    areas = list(Area.objects.filter(indicator_set_id=indicator_set_id).order_by("order", "pk"))
    statements = list(
        Statement.objects.filter(area__indicator_set_id=indicator_set_id)
        .select_related("area")
        .prefetch_related("methods")
        .order_by("area__order", "area__pk", "order", "pk")
    )
    area_words = words_in_active_language(Area, areas, AREA_WORDS)
    statement_words = words_in_active_language(Statement, statements, STATEMENT_WORDS)
    return SetData(
        areas=[
            AreaData(a.key, _word(area_words, a, "title"), index) for index, a in enumerate(areas)
        ],
        statements=[
            StatementData(
                key=s.key,
                area_key=s.area.key,
                text=_word(statement_words, s, "text"),
                order=index,
                level_texts=tuple(_word(statement_words, s, f"level_{n}") for n in (1, 2, 3, 4)),
                method_ids=tuple(m.pk for m in s.methods.all()),
                event_types=tuple(s.event_types or ()),
                service_kind=s.service_kind,
            )
            for index, s in enumerate(statements)
        ],
        area_intros={a.key: _word(area_words, a, "intro") for a in areas},
    )
