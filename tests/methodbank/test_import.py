import io
import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from methodbank.file_format import export_item, validate
from methodbank.importing import import_methods
from methodbank.models import MethodFinderPage, MethodPage

from .factories import many_methods, method_item

pytestmark = pytest.mark.django_db


def _write(tmp_path, data, name="methods.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_import_creates_methods_under_the_finder(tmp_path):
    out = io.StringIO()
    call_command(
        "import_methods", str(_write(tmp_path, [method_item(1), method_item(2)])), stdout=out
    )
    assert "2 created" in out.getvalue()
    page = MethodPage.objects.get(slug="test-metod-1")
    assert page.live and page.url == "/metodbank/test-metod-1/"
    assert isinstance(page.get_parent().specific, MethodFinderPage)
    assert page.tiers == ["prevent"] and page.kind == "method"
    assert [block.value["title"] for block in page.steps] == [
        "Förbered samtalet",
        "Genomför samtalet",
    ]
    assert page.references[0].value["doi"] == "10.1007/s10566-013-9222-1"


def test_import_is_idempotent_by_slug(tmp_path):
    path = _write(tmp_path, [method_item(1)])
    call_command("import_methods", str(path), stdout=io.StringIO())
    count = Page.objects.count()
    out = io.StringIO()
    call_command("import_methods", str(path), stdout=out)
    assert Page.objects.count() == count
    assert "1 unchanged" in out.getvalue()
    changed = _write(tmp_path, [method_item(1, title="Nytt namn")], "changed.json")
    out = io.StringIO()
    call_command("import_methods", str(changed), stdout=out)
    assert "1 updated" in out.getvalue()
    assert Page.objects.count() == count
    assert MethodPage.objects.get(slug="test-metod-1").title == "Nytt namn"


def test_a_file_with_any_error_imports_nothing_and_names_every_problem(tmp_path):
    data = [
        method_item(1),
        method_item(2, tiers=[]),
        method_item(3, kind="seminar"),
        method_item(4, references=[{"authors": "X", "year": 1800, "title": "T"}]),
        method_item(1),
        method_item(5, materials=[{"title": "Mall", "url": "ftp://example.org/x"}]),
    ]
    del data[3]["summary"]
    count = Page.objects.count()
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(
            "import_methods", str(_write(tmp_path, data)), stdout=io.StringIO(), stderr=err
        )
    report = err.getvalue()
    assert "item 1 (test-metod-2), tiers" in report
    assert "item 2 (test-metod-3), kind" in report
    assert "item 3 (test-metod-4), references.0.year" in report
    assert "item 3 (test-metod-4), (item)" in report and "summary" in report
    assert "item 4 (test-metod-1), slug" in report
    assert "item 5 (test-metod-5), materials.0.url" in report
    assert Page.objects.count() == count


@pytest.mark.parametrize("content", ["not json", "{}", "[1, 2]", '[{"slug": "X Y"}]'])
def test_broken_files_change_nothing(tmp_path, content):
    path = tmp_path / "broken.json"
    path.write_text(content, "utf-8")
    count = Page.objects.count()
    with pytest.raises(CommandError):
        call_command("import_methods", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert Page.objects.count() == count


def test_missing_file_is_a_clear_error():
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_methods", "/nonexistent/methods.json", stdout=io.StringIO())


def test_export_then_import_round_trip_is_lossless(tmp_path):
    items = [method_item(1), method_item(2, evidence="research", steps=[], materials=[])]
    import_methods(items)
    path = tmp_path / "export.json"
    call_command("export_methods", str(path), stderr=io.StringIO())
    exported = json.loads(path.read_text("utf-8"))
    assert not validate(exported)
    by_slug = {item["slug"]: item for item in exported}
    expected = [dict(item) for item in items]
    for item in expected:
        for key in [key for key, value in item.items() if value in ([], "")]:
            del item[key]
        assert by_slug[item["slug"]] == item
    # importing the export again changes nothing
    summary = import_methods(exported)
    assert summary.created == 0 and summary.updated == 0


def test_editor_set_performer_and_timing_of_steps_survive_a_reimport():
    import_methods([method_item(1)])
    page = MethodPage.objects.get(slug="test-metod-1")
    steps = page.steps.raw_data
    steps[0]["value"]["performer"] = "mentor"
    steps[0]["value"]["timing"] = "Samma dag"
    page.steps = [("step", step["value"]) for step in steps]
    page.save()
    import_methods([method_item(1, summary="En ny sammanfattning av testmetoden.")])
    page = MethodPage.objects.get(slug="test-metod-1")
    assert page.steps[0].value["performer"] == "mentor"
    assert page.steps[0].value["timing"] == "Samma dag"
    assert all(set(step) == {"title", "body"} for step in export_item(page)["steps"])


def test_import_creates_the_finder_when_the_site_has_none():
    assert not MethodFinderPage.objects.filter(locale__language_code="en").exists()
    summary = import_methods([method_item(1, slug="english-method", locale="en")])
    assert summary.finder_created
    finder = MethodFinderPage.objects.get(locale__language_code="en")
    assert finder.url == "/en/metodbank/"  # the import copies the Swedish slug
    assert MethodPage.objects.get(slug="english-method").get_parent().pk == finder.pk


def test_imported_methods_are_searchable(client):
    import_methods([method_item(1, title="Zebrametoden för närvaro")])
    response = client.get("/sok/", {"q": "zebrametoden"})
    assert "Zebrametoden för närvaro" in response.content.decode()


def test_import_many_shows_progress(tmp_path):
    out = io.StringIO()
    call_command("import_methods", str(_write(tmp_path, many_methods(30))), stdout=out)
    assert "30/30 saved" in out.getvalue() and "30 created" in out.getvalue()


def test_the_shipped_schema_is_the_shared_one():
    """methodbank/schema/ ships a copy of the shared import schema (the site must run without
    ../shared); the copy must not drift from it."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    shared = root.parent / "shared" / "schemas" / "methods.schema.json"
    if not shared.exists():
        pytest.skip("../shared is not beside this checkout")
    shipped = root / "methodbank" / "schema" / "methods.schema.json"
    assert json.loads(shipped.read_text("utf-8")) == json.loads(shared.read_text("utf-8"))
