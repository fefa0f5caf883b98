"""Demo content of "Hur står vi oss?": the active indicator set (:mod:`.demo_indicators`) and
completed assessments of sixteen fictional schools in four school forms, so that Team Domino's
aggregate has groups to show and one to hide; one school shares its result with Team Domino.

The set is translated into English (:mod:`.demo_indicators_en`) the way an editor does it
with wagtail-localize, so the English pages show English statements and editors find the
translations in the admin like any other.

Idempotent: a set with the demo title, a set already translated, or a school that already has
an assessment, is left as it is.
"""

from wagtail.models import Locale

from methodbank.models import MethodPage

from . import demo_indicators as data
from . import demo_indicators_en as english_data
from .demo_schools import load_assessments
from .models import Area, IndicatorSet, Statement


def load_demo(demo):
    indicator_set = load_indicator_set(demo)
    translate_indicator_set(demo, indicator_set, "en")
    load_assessments(demo, indicator_set)


def load_indicator_set(demo):
    """The demo's indicator set, created (and made active) once."""
    existing = IndicatorSet.objects.filter(title=data.SET_TITLE).first()
    if existing is not None:
        demo.tally(False)
        return existing
    demo.tally(True)
    demo.step("Hur står vi oss?: indikatoruppsättningen")
    methods = {page.slug: page for page in MethodPage.objects.filter(locale__language_code="sv")}
    indicator_set = IndicatorSet.objects.create(
        title=data.SET_TITLE, intro=data.SET_INTRO, is_active=True
    )
    for area_order, area_data in enumerate(data.AREAS, start=1):
        area = Area.objects.create(
            indicator_set=indicator_set,
            key=area_data["key"],
            title=area_data["title"],
            intro=area_data["intro"],
            order=area_order,
        )
        for order, item in enumerate(area_data["statements"], start=1):
            levels = {f"level_{n}": text for n, text in enumerate(item["levels"], start=1)}
            statement = Statement(
                area=area,
                key=item["key"],
                order=order,
                text=item["text"],
                event_types=item["event_types"],
                service_kind=item["service_kind"],
                **levels,
            )
            statement.full_clean()
            statement.save()
            statement.methods.set([methods[slug] for slug in item["methods"] if slug in methods])
    return indicator_set


def _english_words():
    """``{Swedish text: English text}`` for every text of the demo set."""
    words = {data.SET_TITLE: english_data.SET["title"], data.SET_INTRO: english_data.SET["intro"]}
    for area in data.AREAS:
        words[area["title"]] = english_data.AREAS[area["key"]]["title"]
        words[area["intro"]] = english_data.AREAS[area["key"]]["intro"]
        for item in area["statements"]:
            english = english_data.STATEMENTS[item["key"]]
            words.update(zip([item["text"], *item["levels"]], english, strict=True))
    return words


def translate_indicator_set(demo, indicator_set, language_code):
    """The set, its areas and statements translated into ``language_code`` through
    wagtail-localize (a translation source per snippet, its strings filled from the demo's
    words as PO, the translation saved). Skipped when that locale is missing or the set is
    already translated."""
    from wagtail_localize.models import Translation, TranslationSource

    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None or indicator_set.get_translation_or_none(locale) is not None:
        demo.tally(False)
        return
    demo.step("Hur står vi oss?: indikatoruppsättningen på engelska")
    words = _english_words()
    areas = list(indicator_set.areas.order_by("order", "pk"))
    statements = Statement.objects.filter(area__in=areas).order_by("area__order", "order", "pk")
    # The set before its areas, the areas before their statements: a translation points to
    # its translated parent.
    for instance in [indicator_set, *areas, *statements]:
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        po = translation.export_po()
        for entry in po:
            entry.msgstr = words.get(entry.msgid, "")
        translation.import_po(po, tool_name="demo")
        translation.save_target()
    demo.tally(True)
