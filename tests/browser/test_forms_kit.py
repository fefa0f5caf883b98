"""forms.js in a real browser (headless Chromium) on a form rendered by the kit: the error
summary takes focus, a character counter counts down, a form is sent once."""

from pathlib import Path

import pytest
from django.utils import translation

from tests.kit.forms import VALID, ExampleForm

pytestmark = pytest.mark.browser

SCRIPT = Path(__file__).resolve().parents[2] / "site" / "static" / "js" / "forms.js"


@pytest.fixture
def form_page(request):
    """A page with the kit's rendering of a form with errors, then forms.js."""
    chromium = request.getfixturevalue("browser")
    with translation.override("sv"):
        form_html = str(ExampleForm({**VALID, "name": ""}))
    page = chromium.new_page()
    page.set_content(
        '<!doctype html><html lang="sv"><body><main>'
        f'<form method="post" novalidate data-submit-once>{form_html}'
        '<button type="submit" name="send" value="1">Skicka</button></form>'
        "</main></body></html>"
    )
    page.add_script_tag(content=SCRIPT.read_text())
    yield page
    page.close()


def test_the_error_summary_takes_focus(form_page):
    assert form_page.evaluate("document.activeElement.id") == "error-summary"


def test_the_character_counter_counts_down_and_is_announced(form_page):
    counter = form_page.locator("#id_message + .form-field__count")
    assert counter.get_attribute("aria-live") == "polite"
    assert counter.text_content() == "Tecken kvar: 197"  # "Hej" is already there
    form_page.fill("#id_message", "Hej hej")
    assert counter.text_content() == "Tecken kvar: 193"
    assert form_page.locator(".form-field__count").count() == 1


def test_a_form_is_sent_once(form_page):
    form_page.evaluate(
        "document.querySelector('form').addEventListener('submit', e => e.preventDefault())"
    )
    button = form_page.locator("button[type=submit]")
    button.click()
    form_page.wait_for_function("document.querySelector('button[type=submit]').disabled")
    assert button.is_disabled()
