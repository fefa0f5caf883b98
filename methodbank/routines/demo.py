"""Demo of "Vår närvarorutin": Team Domino's template and two schools' routines.

The template follows the sources (``../shared/domain``): the three tiers; same-day notice to
guardians when a pupil is absent without a valid reason (7 kap. 17 § skollagen; in upper
secondary school 15 kap. 16 §, for pupils under 18 — the domain notes say 7 kap. 19 §, which is not
where the statute puts it); prompt investigation of repeated or long absence together with the
pupil, the guardians and pupil health, and a report to the organiser (7 kap. 19 a § skollagen,
the compulsory school forms); absence
expressed as missed days and weeks (Kramfors). The two routines are built through the same
services a school uses: one compulsory school, one upper secondary school.
"""

import uuid
from datetime import date

from django.utils import timezone

from ..models import MethodPage
from .content import Role
from .models import Routine, RoutineTemplate
from .services import building, editing, sharing

TEMPLATE_NAME = "Team Dominos mall för närvarorutin"
SAME_DAY = "7 kap. 17 § skollagen (gymnasieskolan: 15 kap. 16 §, elever under 18 år)"
INVESTIGATE = "7 kap. 19 a § skollagen (de obligatoriska skolformerna)"


def _step(
    what,
    *,
    who,
    kind="custom",
    percent=None,
    weeks=None,
    trigger="",
    when="",
    methods=(),
    materials="",
    documented="",
    follow_up="",
    duty="",
):
    return {
        "trigger_kind": kind, "percent": percent, "weeks": weeks, "trigger_text": trigger,
        "who": list(who), "what": what, "when": when, "methods": list(methods),
        "materials": materials, "documented": documented, "follow_up": follow_up, "duty": duty,
    }  # fmt: skip


TIERS = {
    "promote": (
        "Hela skolan arbetar för närvaro: trygghet, relationer och en tydlig undervisning.",
        [
            _step(
                "Registrera närvaro och frånvaro korrekt varje lektion.",
                who=["teacher"],
                trigger="Varje lektion",
                when="under lektionen",
                methods=["korrekt-franvaroregistrering"],
                documented="Skolans närvarosystem",
                follow_up="Mentor går igenom närvaron varje vecka.",
            ),
            _step(
                "Informera elever och vårdnadshavare om skolans närvarorutin vid terminsstart.",
                who=["principal", "mentor"],
                trigger="Terminsstart",
                when="första veckan varje termin",
                methods=["information-om-franvarorutinen-till-vardnadshavare"],
                documented="Veckobrev och skolans webbplats",
                follow_up="Rektor frågar i utvärderingen om vårdnadshavare känner till rutinen.",
            ),
        ],
    ),
    "prevent": (
        "Tidiga signaler fångas upp och följs upp innan frånvaron växer.",
        [
            _step(
                "Kontakta vårdnadshavare samma dag när en elev är frånvarande utan giltigt skäl.",
                who=["mentor"],
                kind="first_unexcused",
                when="samma dag",
                methods=["kontakt-med-vardnadshavare-samma-dag"],
                documented="Närvarosystemet (kontakt noterad)",
                follow_up="Mentor följer upp med eleven nästa skoldag.",
                duty=SAME_DAY,
            ),
            _step(
                "Uppmärksamma frånvaron i missade dagar och veckor och ha ett omtankesamtal "
                "med eleven.",
                who=["mentor"],
                kind="percent_over_weeks",
                percent=10,
                weeks=4,
                when="inom en vecka",
                methods=["omtankesamtal", "missad-undervisningstid-i-dagar-och-veckor"],
                documented="Mentorsanteckning i elevdokumentationen",
                follow_up="Mentor tar upp eleven i elevhälsoteamet om frånvaron fortsätter.",
            ),
        ],
    ),
    "act": (
        "Problematisk frånvaro utreds skyndsamt och åtgärdas tillsammans med elev, "
        "vårdnadshavare och elevhälsa.",
        [
            _step(
                "Utred frånvaron skyndsamt tillsammans med eleven, vårdnadshavarna och "
                "elevhälsan, och anmäl till huvudmannen att utredningen har inletts.",
                who=["principal", "pupil_health"],
                kind="repeated_or_long",
                when="skyndsamt, utredningen påbörjas inom en vecka",
                methods=["utredning-och-anmalan-till-huvudman", "franvarokartlaggning"],
                materials="Mall för frånvarokartläggning",
                documented="Utredningen i elevakten; anmälan till huvudmannen",
                follow_up="Elevhälsoteamet följer upp åtgärderna var fjärde vecka.",
                duty=INVESTIGATE,
            ),
            _step(
                "Gör en handlingsplan för återgång och följ upp den.",
                who=["mentor", "pupil_health"],
                trigger="När utredningen är klar",
                when="inom två veckor efter utredningen",
                methods=["handlingsplan-for-atergang", "stegvis-atergang"],
                documented="Handlingsplanen i elevakten",
                follow_up="Uppföljningsmöte med elev och vårdnadshavare var fjärde vecka.",
            ),
        ],
    ),
}


def _stream(steps, method_ids):
    blocks = []
    for step in steps:
        value = dict(step, methods=[method_ids[s] for s in step["methods"] if s in method_ids])
        blocks.append({"type": "step", "value": value, "id": str(uuid.uuid4())})
    return blocks


def ensure_template(name=TEMPLATE_NAME):
    """Team Domino's published template (created once; editors' later edits are kept)."""
    existing = RoutineTemplate.objects.filter(name=name).first()
    if existing is not None:
        return existing, False
    slugs = {slug for _intro, steps in TIERS.values() for step in steps for slug in step["methods"]}
    method_ids = dict(
        MethodPage.objects.filter(slug__in=slugs, locale__language_code="sv").values_list(
            "slug", "pk"
        )
    )
    fields = {}
    for code, (intro, steps) in TIERS.items():
        fields[f"{code}_intro"] = intro
        fields[f"{code}_steps"] = _stream(steps, method_ids)
    template = RoutineTemplate.objects.create(
        name=name,
        description="Följer skollagen som källorna anger den och de tre nivåerna.",
        published=True,
        **fields,
    )
    return template, True


def _example(template, unit, school_form, roles, method_slug, tier, trigger):
    routine = building.create_routine(
        template=template,
        school_unit=unit,
        school_form=school_form,
        creator_email="rektor@example.org",
        review_date=date(timezone.localdate().year + 1, 6, 15),
        mail=False,
    )
    content = routine.routine_content()
    for code, label, contact in roles:
        role = content.role(code)
        if role is None:
            content.roles.append(Role(code=code, label=label, contact=contact))
        else:
            role.label, role.contact = label, contact
    routine = editing.save(routine, routine.version, content, note="Våra roller")
    method = MethodPage.objects.live().filter(slug=method_slug, locale__language_code="sv").first()
    if method is not None:
        routine = editing.add_method(routine, routine.version, method, tier)
        content = routine.routine_content()
        proposed = [step for _t, step in content.steps() if step.proposed]
        for step in proposed[1:]:  # the school keeps the method's first step, drops the rest
            editing.remove_step(content, step.key)
        editing.accept_step(content, proposed[0].key)
        proposed[0].trigger.text = trigger  # a method's steps come without one
        proposed[0].follow_up = "Tas upp på nästa möte i elevhälsoteamet."
        busy = {code for _t, step in content.steps() for code in step.who}
        content.roles = [role for role in content.roles if role.code in busy]
        routine = editing.save(routine, routine.version, content, note="Förslag godtaget")
    sharing.set_shared(routine, True)
    return routine


def load_demo(demo):
    demo.step("routines: Team Domino's routine template and two example routines")
    template, created = ensure_template()
    demo.tally(created)
    examples = [
        (
            "Södra skolan, F–6",
            "compulsory",
            [
                ("mentor", "Mentor (klassens mentor)", "Klassens mentor"),
                ("principal", "Rektor", "Expeditionen"),
                ("pupil_health", "Elevhälsoteamet (EHT)", "Skolsköterskan samordnar"),
            ],
            "morgonincheckning",
            "prevent",
            "Eleven kommer ofta för sent eller har svårt att komma i gång på morgonen",
        ),
        (
            "Norra gymnasiet, ekonomiprogrammet",
            "upper_secondary",
            [
                ("mentor", "Mentor", "Programmets mentorer"),
                ("principal", "Rektor för programmet", "Rektor"),
                ("pupil_health", "Elevhälsoteamet", "Kurator samordnar"),
            ],
            "samordnat-stod-vid-langvarig-franvaro",
            "act",
            "Utredningen visar att eleven behöver stöd från flera verksamheter",
        ),
    ]
    for unit, school_form, roles, method_slug, tier, trigger in examples:
        if Routine.objects.filter(school_unit=unit).exists():
            demo.tally(False)
            continue
        _example(template, unit, school_form, roles, method_slug, tier, trigger)
        demo.tally(True)
