"""kcsite.staff_admin through the Django test client as staff: the generated confirmation
page (one record and many), the reason field, row buttons, the dashboard panel and the
"no Add" policy. The outbox is the kit's first user; ``flows.TEST_ACTIONS`` covers a reason."""

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import ModelLogEntry

from kcsite.outbox.admin import OUTBOX_ACTIONS
from kcsite.outbox.models import OutboxMessage
from kcsite.staff_admin import NoAddPermissionPolicy

from .flows import TEST_ACTIONS, Status, failed_message

pytestmark = pytest.mark.django_db


def html(response):
    return lxml.html.fromstring(response.content)


def text(element):
    return " ".join(element.text_content().split())


ITEMS = "//ul[@class='kc-transition-items']/li"
SUBMIT = "//form//button[@type='submit']"
PANEL = "//section[@aria-labelledby='failed_mail-heading']"


def test_one_record_confirm_then_apply(admin_client, django_capture_on_commit_callbacks):
    row = failed_message()
    listing = reverse("outbox_failed")
    url = OUTBOX_ACTIONS.action_url("resend", [row.pk], listing)
    page = html(admin_client.get(url))
    assert text(page.xpath("//h1")[0]).startswith("Skicka igen")
    assert [text(li) for li in page.xpath(ITEMS)] == [f"{row} (Kunde inte skickas)"]
    assert page.xpath("//form[@action=$url]//button[@type='submit']", url=url)
    with django_capture_on_commit_callbacks(execute=False):
        response = admin_client.post(url)
    assert response.status_code == 302 and response["Location"] == listing
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("queued", 0)
    assert ModelLogEntry.objects.for_instance(row).get().action == "outbox.resend"


def test_many_records_count_what_changes_and_report_the_skipped(admin_client):
    failed, sent = failed_message(), failed_message()
    OutboxMessage.objects.filter(pk=sent.pk).update(status=Status.SENT)
    url = OUTBOX_ACTIONS.action_url("discard", [failed.pk, sent.pk], reverse("outbox_failed"))
    page = html(admin_client.get(url))
    assert [bool(li.xpath("strong")) for li in page.xpath(ITEMS)].count(True) == 1  # "ändras inte"
    assert "1 av 2 valda ändras." in text(page)
    response = admin_client.post(url, follow=True)
    texts = [" ".join(str(m).split()) for m in response.context["messages"]]
    assert texts == [
        "1 lämnades orörd: Meddelandet finns inte längre bland de misslyckade.",
        "”Kassera”: 1 ändrade.",
    ]
    assert OutboxMessage.objects.get(pk=failed.pk).status == "discarded"
    assert OutboxMessage.objects.get(pk=sent.pk).status == "sent"


def test_nothing_applicable_offers_only_a_way_back(admin_client):
    row = failed_message()
    OutboxMessage.objects.filter(pk=row.pk).update(status=Status.SENT)
    page = html(admin_client.get(OUTBOX_ACTIONS.action_url("discard", [row.pk], "/admin/")))
    assert not page.xpath(SUBMIT)
    assert page.xpath("//a[contains(@class, 'button')][@href='/admin/']")


@pytest.fixture
def shelve_action(monkeypatch):
    """The test workflow's bulk actions in Wagtail's registry (it was built at start-up)."""
    bulk_action_registry._scan_for_bulk_actions()
    models = bulk_action_registry.actions.setdefault("outbox", {})
    actions = models.setdefault("outboxmessage", {})
    for action_class in TEST_ACTIONS.bulk_action_classes:
        monkeypatch.setitem(actions, action_class.action_type, action_class)


def test_a_required_reason_is_asked_for_and_logged(admin_client, shelve_action):
    row = failed_message()
    url = TEST_ACTIONS.action_url("shelve", [row.pk])
    page = html(admin_client.get(url))
    assert page.xpath("//textarea[@name='reason'][@required]")
    again = html(admin_client.post(url, {"reason": ""}))
    assert again.xpath("//textarea[@name='reason'][@aria-invalid='true']")
    row.refresh_from_db()
    assert row.status == "failed"
    assert "Skriv varför." in text(again)
    numbered = html(admin_client.post(url, {"reason": "Gäller 20120304-1234"}))
    assert numbered.xpath("//textarea[@name='reason'][@aria-invalid='true']")
    row.refresh_from_db()
    assert row.status == "failed"
    response = admin_client.post(
        url, {"reason": "Dubblett", "last_error": "Se ärendet"}, follow=True
    )
    row.refresh_from_db()
    assert (row.status, row.last_error) == ("discarded", "Se ärendet")
    assert ModelLogEntry.objects.for_instance(row).get().data["reason"] == "Dubblett"
    assert [" ".join(str(m).split()) for m in response.context["messages"]] == ["1 undanlagt."]


def test_the_failed_list_has_row_buttons_to_the_confirmation(admin_client):
    row = failed_message()
    listing = reverse("outbox_failed")
    page = html(admin_client.get(listing))
    hrefs = {text(a): a.get("href") for a in page.xpath("//table[@class='listing']//td//a")}
    assert hrefs == {
        "Skicka igen": OUTBOX_ACTIONS.action_url("resend", [row.pk], listing),
        "Kassera": OUTBOX_ACTIONS.action_url("discard", [row.pk], listing),
    }


def test_dashboard_panel_counts_failed_mail_for_staff_only(admin_client, client):
    failed_message(), failed_message()
    home = html(admin_client.get(reverse("wagtailadmin_home")))
    (link,) = home.xpath(f"{PANEL}//a")
    assert (link.get("href"), text(link)) == (
        reverse("outbox_failed"),
        "2 meddelanden kunde inte skickas",
    )
    editor = get_user_model().objects.create_user(username="kit-ed", password="x-Long-pass-1")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    home = html(client.get(reverse("wagtailadmin_home")))
    assert not home.xpath(PANEL)


def test_staff_without_the_permission_cannot_apply(client):
    editor = get_user_model().objects.create_user(username="kit-ed2", password="x-Long-pass-1")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    row = failed_message()
    url = OUTBOX_ACTIONS.action_url("discard", [row.pk])
    page = html(client.get(url))
    assert not page.xpath(SUBMIT)
    client.post(url)
    row.refresh_from_db()
    assert row.status == "failed"


def test_no_add_policy(admin_user):
    policy = NoAddPermissionPolicy(OutboxMessage)
    assert not policy.user_has_permission(admin_user, "add")
    assert policy.user_has_permission(admin_user, "change")
    assert policy.user_has_any_permission(admin_user, ["add", "delete"])
    strict = NoAddPermissionPolicy(OutboxMessage, ("add", "delete"))
    assert not strict.user_has_any_permission(admin_user, ["add", "delete"])


def test_header_buttons_mixin_adds_the_available_transitions(rf, admin_user):
    from wagtail.admin.widgets import HeaderButton

    from kcsite.staff_admin import HeaderButtonsMixin

    class View:
        header_buttons = ["existing"]

    class RecordView(HeaderButtonsMixin, View):
        staff_actions = OUTBOX_ACTIONS

    view = RecordView()
    view.object = failed_message()
    view.request = rf.get("/admin/x/")
    view.request.user = admin_user
    existing, *buttons = view.header_buttons
    assert existing == "existing"
    assert all(isinstance(button, HeaderButton) for button in buttons)
    assert [(b.label, b.url) for b in buttons] == [
        ("Skicka igen", OUTBOX_ACTIONS.action_url("resend", [view.object.pk], "/admin/x/")),
        ("Kassera", OUTBOX_ACTIONS.action_url("discard", [view.object.pk], "/admin/x/")),
    ]
