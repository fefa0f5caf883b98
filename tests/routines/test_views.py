"""The public flow without JavaScript: start, edit link, step/role forms, actions, versions,
share view and "Lägg till i vår rutin"."""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import resolve, reverse

from methodbank.routines.models import Routine
from methodbank.routines.services import editing, tokens
from methodbank.routines.views import SESSION_KEY

from . import factories

pytestmark = pytest.mark.django_db
PERSONNUMMER = "20100312-1234"


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def start_data(template, **overrides):
    return {
        "school_unit": "Södra skolan, F–6",
        "school_form": "compulsory",
        "template": template.pk,
        "creator_email": "rektor@example.org",
        **overrides,
    }


def edit_url(routine):
    return tokens.edit_url(routine)


def test_the_start_page_says_no_pupil_data_and_offers_published_templates(client, template):
    page = soup(client.get(reverse("routines:start")))
    assert page.select_one("#no-pupil-data")
    assert [i["value"] for i in page.select("input[name=template]")] == [str(template.pk)]
    assert reverse("routines:start") == "/metodbank/var-rutin/"


def test_starting_a_routine_mails_the_edit_link_and_opens_it(
    client, template, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("routines:start"), start_data(template))
    routine = Routine.objects.get()
    assert response.status_code == 302
    assert resolve(response.url).url_name == "edit"
    assert tokens.routine_for_edit(resolve(response.url).kwargs["token"]) == routine
    (message,) = mail.outbox
    assert message.to == ["rektor@example.org"]
    paths = [urlsplit(link).path for link in re.findall(r"https?://[^\s\"<]+", message.body)]
    opened = {resolve(path).url_name: resolve(path).kwargs.get("token") for path in paths}
    assert tokens.routine_for_edit(opened["edit"]) == routine
    assert tokens.routine_for_share(opened["shared"]) == routine
    html_paths = re.findall(r'href="https?://[^/"]+([^"]+)"', message.alternatives[0][0])
    assert {resolve(path).url_name for path in html_paths} >= {"edit", "shared", "link_again"}
    page = soup(client.get(response.url))
    assert page.select_one("#gaps") and page.select_one("#tier-act")
    assert tokens.routine_for_edit(client.session[SESSION_KEY]) == routine


@pytest.mark.parametrize("field", ["school_unit"])
def test_a_personal_identity_number_is_refused_and_nothing_is_created(client, template, field):
    response = client.post(
        reverse("routines:start"), start_data(template, **{field: f"Eleven {PERSONNUMMER}"})
    )
    assert response.status_code == 400
    assert soup(response).select_one(f"#id_{field}_error")
    assert not Routine.objects.exists()


def test_the_edit_page_shows_the_gaps(client, routine):
    page = soup(client.get(edit_url(routine)))
    codes = {li["class"][1] for li in page.select("#gaps li.routine-gap")}
    assert "routine-gap--no_review_date" in codes


def test_general_form_saves_review_date_and_sharing(client, routine):
    response = client.post(
        edit_url(routine),
        {
            "action": "general",
            "version": 1,
            "school_unit": "Södra skolan",
            "school_form": "compulsory",
            "review_date": "2027-06-15",
            "shared_with_team": "on",
        },
    )
    assert response.status_code == 302
    routine.refresh_from_db()
    assert routine.version == 2 and str(routine.review_date) == "2027-06-15"
    assert routine.shared_with_team and routine.school_unit == "Södra skolan"


def test_a_stale_general_save_is_told_and_keeps_the_input(client, routine):
    content = routine.routine_content()
    content.school_unit = "Ändrad av kollega"
    editing.save(routine, 1, content)
    response = client.post(
        edit_url(routine),
        {
            "action": "general",
            "version": 1,
            "school_unit": "Mitt namn",
            "school_form": "compulsory",
        },
    )
    assert response.status_code == 409
    page = soup(response)
    assert "har ändrats sedan du öppnade den" in page.select_one("#general-errors").get_text()
    assert page.select_one("#id_school_unit")["value"] == "Mitt namn"
    assert page.select_one("#general input[name=version]")["value"] == "2"
    routine.refresh_from_db()
    assert routine.school_unit == "Ändrad av kollega"


def step_data(**overrides):
    return {
        "version": 1,
        "tier": "prevent",
        "trigger_kind": "percent_over_weeks",
        "percent": 15,
        "weeks": 3,
        "who": ["mentor"],
        "what": "Ring hem",
        "when": "samma vecka",
        "follow_up": "EHT",
        **overrides,
    }


def test_editing_a_step_changes_its_thresholds(client, routine):
    key = routine.routine_content().tier("prevent").steps[1].key
    url = reverse("routines:step", args=[tokens.edit_token(routine), key])
    assert soup(client.get(url)).select_one("#id_percent")["value"] == "10"
    response = client.post(url, step_data())
    assert response.status_code == 302
    step = Routine.objects.get().routine_content().find_step(key)[2]
    assert (step.trigger.percent, step.trigger.weeks, step.what) == (15, 3, "Ring hem")
    assert step.trigger.describe() == "Frånvaro ≥ 15 % under 3 veckor"


def test_a_step_with_a_personal_number_is_refused(client, routine):
    url = reverse("routines:new_step", args=[tokens.edit_token(routine), "act"])
    response = client.post(url, step_data(what=f"Samtal med {PERSONNUMMER}"))
    assert response.status_code == 400
    assert soup(response).select_one("#id_what_error")
    assert Routine.objects.get().version == 1


def test_a_threshold_needs_percent_and_weeks(client, routine):
    url = reverse("routines:new_step", args=[tokens.edit_token(routine), "act"])
    response = client.post(url, step_data(percent="", weeks=""))
    assert response.status_code == 400
    assert soup(response).select_one("#id_percent_error")


def test_a_stale_step_save_is_told_and_keeps_the_input(client, routine):
    editing.save(routine, 1, routine.routine_content())
    url = reverse("routines:new_step", args=[tokens.edit_token(routine), "act"])
    response = client.post(url, step_data(what="Mitt nya steg", tier="act"))
    assert response.status_code == 409
    page = soup(response)
    assert page.select_one("#id_what").get_text().strip() == "Mitt nya steg"
    assert page.select_one("input[name=version]")["value"] == "2"
    response = client.post(url, step_data(what="Mitt nya steg", tier="act", version=2))
    assert response.status_code == 302
    assert Routine.objects.get().routine_content().tier("act").steps[-1].what == "Mitt nya steg"


@pytest.mark.parametrize("action", ["down", "remove"])
def test_step_actions(client, routine, action):
    first = routine.routine_content().tier("promote").steps[0]
    response = client.post(edit_url(routine), {"action": action, "version": 1, "step": first.key})
    assert response.status_code == 302
    steps = Routine.objects.get().routine_content().tier("promote").steps
    if action == "down":
        assert steps[1].key == first.key
    else:
        assert first.key not in [s.key for s in steps]


def test_an_action_on_an_old_version_changes_nothing(client, routine):
    first = routine.routine_content().tier("promote").steps[0]
    editing.save(routine, 1, routine.routine_content())
    response = client.post(edit_url(routine), {"action": "remove", "version": 1, "step": first.key})
    page = soup(client.get(response.url))
    assert "har ändrats sedan du öppnade den" in page.select_one(".routine-messages").get_text()
    assert Routine.objects.get().routine_content().find_step(first.key)


def test_roles_are_renamed_added_and_removed(client, routine):
    url = reverse("routines:roles", args=[tokens.edit_token(routine)])
    page = soup(client.get(url))
    data = {i["name"]: i.get("value", "") for i in page.select("form input") if i.get("name")}
    data.update(
        {
            "label__mentor": "Mentor (klassens mentor)",
            "remove__teacher": "on",
            "new_role": "custom",
            "new_label": "Närvarosamordnare",
        }
    )
    data.pop("remove__mentor", None)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    content = Routine.objects.get().routine_content()
    assert content.role("mentor").label == "Mentor (klassens mentor)"
    assert content.role("teacher") is None
    assert all("teacher" not in s.who for _t, s in content.steps())
    assert content.role("custom-narvarosamordnare").label == "Närvarosamordnare"


def test_versions_page_shows_the_diff(client, routine):
    content = routine.routine_content()
    content.tier("promote").steps[0].what = "Nytt vad"
    editing.save(routine, 1, content)
    url = reverse("routines:versions", args=[tokens.edit_token(routine)])
    page = soup(client.get(url + "?fran=1&till=2"))
    changed = page.select(".routine-change--changed")
    assert len(changed) == 1 and "Nytt vad" in changed[0].get_text()


def test_the_share_link_is_read_only_and_a_new_one_retires_it(client, routine):
    old = tokens.share_url(routine)
    page = soup(client.get(old))
    assert page.select(".routine-step") and not page.select("form[method=post]")
    client.post(edit_url(routine), {"action": "new_share_link", "version": 1})
    routine.refresh_from_db()
    assert client.get(old).status_code == 400
    assert client.get(tokens.share_url(routine)).status_code == 200


def test_add_method_without_a_routine_starts_one_with_the_method(
    client, template, django_capture_on_commit_callbacks
):
    method = factories.method(tiers=["act"])
    response = client.get(reverse("routines:add_method") + f"?metod={method.pk}")
    assert response.status_code == 302 and response.url.startswith(reverse("routines:start"))
    page = soup(client.get(response.url))
    assert page.select_one("input[name=method]")["value"] == str(method.pk)
    data = start_data(template, method=method.pk, method_tier="act")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("routines:start"), data)
    proposed = [s for t, s in Routine.objects.get().routine_content().steps() if s.proposed]
    assert proposed and all(s.from_method == method.pk for s in proposed)


def test_add_method_with_a_remembered_routine(client, routine):
    method = factories.method(tiers=["prevent", "act"])
    client.get(edit_url(routine))  # opening the edit link remembers it
    url = reverse("routines:add_method") + f"?metod={method.pk}"
    page = soup(client.get(url))
    assert [o["value"] for o in page.select("select[name=tier] option")] == [
        "promote",
        "prevent",
        "act",
    ]
    response = client.post(url, {"method": method.pk, "tier": "act", "version": 1})
    assert response.status_code == 302
    page = soup(client.get(edit_url(routine)))
    proposed = page.select("#tier-act .routine-step--proposed")
    assert len(proposed) == 2
    key = proposed[0]["id"].removeprefix("step-")
    client.post(edit_url(routine), {"action": "accept", "version": 2, "step": key})
    assert not Routine.objects.get().routine_content().find_step(key)[2].proposed


def test_all_proposals_of_a_method_are_accepted_in_one_save(client, routine):
    method = factories.method(tiers=["act"])
    routine = editing.add_method(routine, 1, method, "act")
    editing.add_method(routine, 2, method, "prevent")  # the same method in another tier
    page = soup(client.get(edit_url(routine)))
    form = page.select_one("#tier-act form.routine-accept-all")
    assert form.select_one("input[name=method]")["value"] == str(method.pk)
    assert form.select_one("input[name=version]")["value"] == "3"
    assert len(page.select("#tier-act .routine-step--proposed")) == 2
    data = {
        i["name"]: i["value"] for i in form.select("input") if i["name"] != "csrfmiddlewaretoken"
    }
    stale = client.post(edit_url(routine), {**data, "version": 2, "action": "accept_method"})
    assert stale.status_code == 302
    assert Routine.objects.get().version == 3  # an old version changes nothing
    response = client.post(edit_url(routine), {**data, "action": "accept_method"})
    assert response.status_code == 302 and response.url.endswith("#tier-act")
    saved = Routine.objects.get()
    assert saved.version == 4 and saved.versions.count() == 4  # one save for both steps
    tiers = {
        t.tier: [s.proposed for s in t.steps if s.from_method]
        for t in saved.routine_content().tiers
    }
    assert tiers["act"] == [False, False] and tiers["prevent"] == [True, True]
    page = soup(client.get(edit_url(routine)))
    assert not page.select("#tier-act form.routine-accept-all")
    assert page.select("#tier-prevent form.routine-accept-all")
    again = client.post(edit_url(routine), {**data, "version": 4, "action": "accept_method"})
    assert again.status_code == 302 and Routine.objects.get().version == 4


def test_the_edit_page_links_to_the_outputs_near_the_top(client, routine):
    page = soup(client.get(edit_url(routine)))
    assert page.select_one(".routine-meta a[href='#utskrift']")
    assert page.select_one("section#utskrift")


def test_the_method_page_has_the_button(client):
    method = factories.method()
    page = soup(client.get(method.url))
    form = page.select_one(f"form[action='{reverse('routines:add_method')}']")
    assert form.select_one("input[name=metod]")["value"] == str(method.pk)


def test_link_again_says_the_same_whether_or_not_there_are_routines(
    client, routine, django_capture_on_commit_callbacks
):
    url = reverse("routines:link_again")
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(url, {"email": "REKTOR@example.org"})
        unknown = client.post(url, {"email": "ingen@example.org"})
    text = [soup(r).select_one("[role=status]").get_text() for r in (known, unknown)]
    assert text[0] == text[1]
    assert [m.to for m in mail.outbox] == [["rektor@example.org"]]


def test_english_address(client, template):
    from django.utils import translation

    with translation.override("en"):
        url = reverse("routines:start")
    assert url.startswith("/en/")
    assert client.get(url).status_code == 200


def test_a_routine_started_in_english_gets_its_mail_and_links_in_english(
    client, template, django_capture_on_commit_callbacks
):
    from django.utils import translation

    with translation.override("en"):
        url = reverse("routines:start")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, start_data(template))
    routine = Routine.objects.get()
    assert routine.language == "en" and response.url.startswith("/en/")
    (message,) = mail.outbox
    links = re.findall(r"https?://\S+", message.body)
    assert links and all("/en/" in link for link in links)
    assert message.alternatives[0][1] == "text/html"


def test_personal_numbers_are_refused_in_roles_and_general_forms(client, routine):
    url = reverse("routines:roles", args=[tokens.edit_token(routine)])
    page = soup(client.get(url))
    data = {i["name"]: i.get("value", "") for i in page.select("form input") if i.get("name")}
    data.pop("remove__mentor", None)
    data["contact__mentor"] = f"Ring {PERSONNUMMER}"
    response = client.post(url, data)
    assert response.status_code == 400
    assert soup(response).select_one("#id_contact__mentor_error")
    general = {"action": "general", "version": 1, "school_form": "compulsory"}
    response = client.post(edit_url(routine), {**general, "school_unit": PERSONNUMMER})
    assert response.status_code == 400
    assert soup(response).select_one("#id_school_unit_error")
    routine.refresh_from_db()
    assert routine.version == 1 and routine.routine_content().role("mentor").contact == ""


def test_a_method_can_be_unticked_from_a_step(client, routine):
    method = factories.method(tiers=["act"])
    routine = editing.add_method(routine, 1, method, "act")
    key = routine.routine_content().tier("act").steps[-1].key
    url = reverse("routines:step", args=[tokens.edit_token(routine), key])
    page = soup(client.get(url))
    box = page.select_one(f"input[name=methods][value='{method.pk}']")
    assert box.has_attr("checked")
    assert method.title in page.select_one(f"label[for={box['id']}]").get_text()
    response = client.post(url, step_data(version=2, tier="act"))  # the box not ticked
    assert response.status_code == 302
    assert Routine.objects.get().routine_content().find_step(key)[2].methods == []


def test_a_pupil_name_is_refused_until_ticked_as_not_a_name(client, routine):
    url = reverse("routines:new_step", args=[tokens.edit_token(routine), "act"])
    response = client.post(url, step_data(what="Samtal med Kalle och registrering i Wilma"))
    assert response.status_code == 400
    page = soup(response)
    assert "”Kalle”" in page.select_one("#id_what_error").get_text()
    assert (
        page.select_one("#id_what").get_text().strip()
        == "Samtal med Kalle och registrering i Wilma"
    )
    boxes = page.select("input[name=not_person_names]")
    assert [box["value"] for box in boxes] == ["Kalle", "Wilma"]
    assert Routine.objects.get().version == 1
    # The visitor ticks only "Wilma" (a system) and writes "mentorn" for the pupil's name.
    response = client.post(
        url, step_data(what="Samtal med mentorn och registrering i Wilma", not_person_names="Wilma")
    )
    assert response.status_code == 302
    steps = Routine.objects.get().routine_content().tier("prevent").steps
    assert "Samtal med mentorn och registrering i Wilma" in [step.what for step in steps]


def test_a_name_is_refused_in_roles_and_on_the_start_page_but_a_school_name_is_not(
    client, routine, template
):
    url = reverse("routines:roles", args=[tokens.edit_token(routine)])
    page = soup(client.get(url))
    data = {i["name"]: i.get("value", "") for i in page.select("form input") if i.get("name")}
    data.pop("remove__mentor", None)
    data["contact__mentor"] = "Anna Svensson"
    response = client.post(url, data)
    assert response.status_code == 400
    assert soup(response).select_one("#id_contact__mentor_error")
    routine.refresh_from_db()
    assert routine.routine_content().role("mentor").contact == ""
    data["contact__mentor"] = "anna.svensson@skola.example.org"  # staff e-mail is fine
    assert client.post(url, data).status_code == 302
    response = client.post(reverse("routines:start"), start_data(template, school_unit="Elsa"))
    assert response.status_code == 400 and Routine.objects.count() == 1
    named = start_data(template, school_unit="Astrid Lindgrens skola, F–6")
    assert client.post(reverse("routines:start"), named).status_code == 302
