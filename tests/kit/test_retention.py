"""The retention contract (kcsite.retention): registered functions, one command."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail import hooks

from kcsite import retention

pytestmark = pytest.mark.django_db


def forget_test_groups(now):
    """Deletes the groups this test made (stands in for an app's anonymise_expired)."""
    deleted, _ = Group.objects.filter(name__startswith="retention-test").delete()
    return deleted


def summarise_nothing(now):
    return retention.Summary(count=0, detail="0 rows, 0 logs")


def fail(now):
    raise RuntimeError("the cache is down")


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("anonymise_expired", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def groups():
    Group.objects.bulk_create([Group(name=f"retention-test-{i}") for i in range(3)])


def test_the_command_runs_every_registered_function_and_sums_up(groups):
    with (
        hooks.register_temporarily(retention.HOOK, forget_test_groups),
        hooks.register_temporarily(retention.HOOK, summarise_nothing),
    ):
        out, _err = run()
    assert not Group.objects.filter(name__startswith="retention-test").exists()
    lines = out.splitlines()
    assert "tests.kit.test_retention.forget_test_groups … 3 forgotten" in lines
    assert "tests.kit.test_retention.summarise_nothing … 0 (0 rows, 0 logs) forgotten" in lines
    # the apps' own rules run too; on the skeleton they forget nothing
    apps_functions = len(retention.registered())
    assert lines[-1] == f"3 forgotten by {apps_functions + 2} of {apps_functions + 2} functions"


def test_a_dry_run_reports_and_changes_nothing(groups):
    with hooks.register_temporarily(retention.HOOK, forget_test_groups):
        out, _err = run("--dry-run")
    assert "… 3 would be forgotten" in out
    assert out.splitlines()[-1].endswith("(dry run: nothing changed)")
    assert Group.objects.filter(name__startswith="retention-test").count() == 3


def test_every_function_gets_the_same_moment():
    seen = []

    def first(now):
        seen.append(now)

    def second(now):
        seen.append(now)

    with (
        hooks.register_temporarily(retention.HOOK, first),
        hooks.register_temporarily(retention.HOOK, second),
    ):
        run()
    assert len(seen) == 2 and seen[0] == seen[1] and seen[0].tzinfo is not None


def test_one_failing_function_does_not_stop_the_others(groups):
    with (
        hooks.register_temporarily(retention.HOOK, fail),
        hooks.register_temporarily(retention.HOOK, forget_test_groups),
        pytest.raises(CommandError, match="test_retention.fail"),
    ):
        run()
    assert not Group.objects.filter(name__startswith="retention-test").exists()


def test_only_runs_the_named_function_and_refuses_unknown_names(groups):
    with (
        hooks.register_temporarily(retention.HOOK, forget_test_groups),
        hooks.register_temporarily(retention.HOOK, fail),
    ):
        out, _err = run("--only", "tests.kit.test_retention.forget_test_groups")
        assert "1 of 1 functions" in out
        with pytest.raises(CommandError, match="registered: .*forget_test_groups"):
            run("--only", "nobody.nothing")


def test_names_drop_the_hooks_module():
    def anonymise_registrations(now):
        return 0

    anonymise_registrations.__module__ = "events.wagtail_hooks"
    assert retention.name_of(anonymise_registrations) == "events.anonymise_registrations"
