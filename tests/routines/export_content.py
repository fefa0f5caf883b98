"""A routine's content for the export tests: three tiers, four roles (one the school's own),
a step with no role, methods on steps, a proposed step that is not yet accepted."""

from datetime import date

from methodbank.importing import import_methods
from methodbank.models import MethodPage
from methodbank.routines.content import Role, RoutineContent, Step, Tier, Trigger
from tests.methodbank.factories import finder, method_item

ROLES = {
    "mentor": "Mentor (klassens mentor)",
    "principal": "Rektor på Södra",
    "pupil_health": "Elevhälsoteamet",
    "custom-kurator": "Skolans kurator",
}


def methods():
    """Two published method pages: ``[(id, title)]``."""
    finder()
    import_methods([method_item(1), method_item(2)])
    pages = MethodPage.objects.filter(slug__in=["test-metod-1", "test-metod-2"]).order_by("slug")
    return [(page.pk, page.title) for page in pages]


def content(method_ids=()):
    first, second = (list(method_ids) + [None, None])[:2]
    return RoutineContent(
        school_unit="Södra skolan, F–6",
        school_form="compulsory",
        review_date=date(2027, 6, 15),
        roles=[
            Role("mentor", ROLES["mentor"], "mentor@sodra.example"),
            Role("principal", ROLES["principal"], "Rektor, expeditionen"),
            Role("pupil_health", ROLES["pupil_health"]),
            Role("custom-kurator", ROLES["custom-kurator"], "Kuratorn, rum 12"),
        ],
        tiers=[
            Tier(
                "promote",
                "Hela skolan arbetar för närvaro.",
                [
                    Step(
                        key="p1",
                        trigger=Trigger("custom", text="Varje termin"),
                        who=["principal", "custom-kurator"],
                        what="Följ upp närvaron på skolnivå i ledningsgruppen.",
                        when="Vid terminsstart",
                        methods=[first] if first else [],
                        documented="Kvalitetsrapporten",
                    ),
                ],
            ),
            Tier(
                "prevent",
                "",
                [
                    Step(
                        key="v1",
                        trigger=Trigger("percent_over_weeks", percent=10, weeks=4),
                        who=["mentor"],
                        what="Samtal med eleven och vårdnadshavare om frånvaron.",
                        when="Inom en vecka",
                        methods=[second] if second else [],
                        materials="Samtalsmall",
                        documented="Elevakten",
                        follow_up="Ny avstämning efter fyra veckor",
                    ),
                    Step(
                        key="v2",
                        trigger=Trigger("custom", text="Mentorn är orolig"),
                        who=[],
                        what="Ta upp eleven på elevhälsomötet.",
                        when="Nästa möte",
                    ),
                    Step(
                        key="v3",
                        trigger=Trigger("custom", text="Förslag från en metod"),
                        who=["mentor"],
                        what="Ett föreslaget steg som skolan inte har godkänt.",
                        proposed=True,
                    ),
                ],
            ),
            Tier(
                "act",
                "När frånvaron är ett problem.",
                [
                    Step(
                        key="a1",
                        trigger=Trigger("first_unexcused"),
                        who=["mentor"],
                        what="Kontakta vårdnadshavare om den ogiltiga frånvaron.",
                        when="Samma dag",
                        documented="Frånvarosystemet",
                        duty="7 kap. 19 § skollagen",
                    ),
                    Step(
                        key="a2",
                        trigger=Trigger("repeated_or_long"),
                        who=["principal", "pupil_health"],
                        what="Utred frånvaron skyndsamt och anmäl till huvudmannen.",
                        when="Skyndsamt",
                        documented="Utredningen i elevakten",
                        duty="7 kap. 19 a § skollagen",
                    ),
                ],
            ),
        ],
    )


ACCEPTED_WHATS = [step.what for _tier, step in content().steps() if not step.proposed]
