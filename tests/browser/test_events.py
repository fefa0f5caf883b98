"""Find an event, register, see the confirmation; axe on the list, the event and the form."""

import re

import pytest

pytestmark = pytest.mark.browser


def test_find_event_register_and_confirm_with_axe(page, axe_check):
    page.goto("/utbildningar/")
    axe_check(page, "event list")
    page.get_by_label("Typ").select_option("group_development")
    page.get_by_role("button", name="Visa").click()
    page.wait_for_url(re.compile(r"typ=group_development"))
    axe_check(page, "filtered event list")
    page.get_by_role("link", name="GDQ-dag för elevhälsoteam").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "GDQ-dag för elevhälsoteam"
    axe_check(page, "event page")

    page.get_by_role("link", name="Anmäl dig").first.click()  # the call to action at the top
    page.wait_for_load_state()
    axe_check(page, "registration form")

    # Submit with mistakes: an error summary, linked errors, input kept.
    page.get_by_label("Namn").fill("Anna Lind")
    page.get_by_label("E-post i tjänsten").fill("inte-en-adress")
    page.get_by_role("button", name="Skicka anmälan").click()
    page.wait_for_load_state()
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert page.get_by_label("Namn").input_value() == "Anna Lind"
    axe_check(page, "registration form with errors")

    page.get_by_label("E-post i tjänsten").fill("anna.lind.browser@skola.example.org")
    page.get_by_label("Organisation eller skola").fill("Sandwalls skola")
    page.get_by_label("Roll").fill("Kurator")
    page.get_by_label("Skolenhet").fill("Sandwalls skola 7–9")
    page.get_by_label("Hörslinga").check()
    page.get_by_label(re.compile("Jag har läst hur mina uppgifter hanteras")).check()
    page.get_by_role("button", name="Skicka anmälan").click()
    page.wait_for_url(re.compile(r"/evenemang/anmalan/.+klar=ny"))
    assert page.get_by_role("heading", level=1).inner_text() == "Tack, du är anmäld!"
    assert page.get_by_role("definition").filter(has_text="Hörslinga").is_visible()
    axe_check(page, "confirmation")


def test_full_event_offers_waitlist_in_the_browser(page, axe_check):
    page.goto("/utbildningar/samtalsmetodik-omtankesamtalet/")
    page.get_by_role("link", name="Ställ dig på väntelistan").first.click()
    page.wait_for_load_state()
    assert page.get_by_text("Alla platser är tagna.").is_visible()
    assert page.get_by_role("button", name="Ställ mig på väntelistan").is_visible()
    axe_check(page, "waitlist form")
