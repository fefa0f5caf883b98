"""Time the method bank's admin on the database at hand: listing, edit, publish, search, add.

Run it where ``make bench`` runs (production settings, 2 000 methods imported):

    .venv/bin/python ops/bench_admin.py [--repeat 5] [--profile DIR]

It logs in with Django's test client as a throw-away superuser (removed at the end), finds the
Swedish method finder and one of its methods, warms each view once, then times each request
``--repeat`` times and prints a markdown table (median and slowest wall time and the median CPU
time of this process, in ms, against the 1 s
goal). ``--profile DIR`` writes a cProfile file per target for ``python -m pstats``.
Publishing re-publishes the method unchanged, so the content stays as it was.
"""

import argparse
import cProfile
import os
import secrets
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcsite.settings")

GOAL_MS = 1000


def block_post_data(block, value, prefix, out):
    """The form data the admin's JavaScript would post for ``value`` of ``block``."""
    from wagtail import blocks

    if isinstance(block, (blocks.StreamBlock, blocks.ListBlock)):
        if isinstance(block, blocks.StreamBlock):
            children = [(child.block_type, child.value, child.id) for child in value or []]
        else:
            children = [(None, child.value, child.id) for child in value.bound_blocks]
        out[f"{prefix}-count"] = str(len(children))
        for index, (block_type, child_value, block_id) in enumerate(children):
            item = f"{prefix}-{index}"
            out.update({f"{item}-deleted": "", f"{item}-order": str(index)})
            out[f"{item}-id"] = block_id or ""
            if block_type is None:
                child_block = block.child_block
            else:
                out[f"{item}-type"] = block_type
                child_block = block.child_blocks[block_type]
            block_post_data(child_block, child_value, f"{item}-value", out)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            block_post_data(child_block, value.get(name), f"{prefix}-{name}", out)
    else:
        state = block.get_form_state(value)
        if isinstance(state, dict):
            state = state.get("id", "")
        if isinstance(state, list):
            out.setlist(prefix, [str(item) for item in state])
        else:
            out[prefix] = "" if state is None else str(state)


def edit_form_data(client, page, user):
    """The page's edit form as the browser would post it (StreamFields included)."""
    from django.urls import reverse
    from wagtail.blocks import BlockField
    from wagtail.test.utils.form_data import querydict_from_html

    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = querydict_from_html(html, "page-edit-form")
    latest = page.get_latest_revision_as_object()
    form_class = type(page).get_edit_handler().get_form_class()
    form = form_class(instance=latest, parent_page=page.get_parent(), for_user=user)
    for name, field in form.fields.items():
        if isinstance(field, BlockField):
            for key in [key for key in data if key == name or key.startswith(name + "-")]:
                del data[key]
            block_post_data(field.block, getattr(latest, name), name, data)
    data["action-publish"] = "action-publish"
    return data


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", type=Path, help="write a cProfile file per target here")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from methodbank.models import MethodFinderPage, MethodPage

    finder = MethodFinderPage.objects.filter(locale__language_code="sv").first()
    if finder is None:
        sys.exit("No method finder: run `manage.py load_demo` and `import_methods` first.")
    method = MethodPage.objects.child_of(finder).live().order_by("-pk").first()
    count = MethodPage.objects.child_of(finder).count()
    host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "testserver"
    client = Client(HTTP_HOST=host, HTTP_X_FORWARDED_PROTO="https", secure=True)
    user = get_user_model().objects.create_superuser(
        f"bench-{secrets.token_hex(4)}", "bench@example.org", secrets.token_urlsafe(24)
    )
    # Staff have set up two-factor login (required in production: STAFF_TWO_FACTOR_REQUIRED).
    TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    client.force_login(user)

    edit_url = reverse("wagtailadmin_pages:edit", args=[method.pk])
    publish_data = edit_form_data(client, method, user)

    def check(response, expected=200):
        if response.status_code != expected:
            errors = ""
            if response.context and "form" in response.context:
                errors = response.context["form"].errors.as_text()
            path = response.request["PATH_INFO"]
            raise SystemExit(f"{path}: HTTP {response.status_code} {errors}")
        return response

    targets = [
        (
            "method bank listing (children of the finder)",
            lambda: check(client.get(reverse("wagtailadmin_explore", args=[finder.pk]))),
        ),
        ("edit a method", lambda: check(client.get(edit_url))),
        ("publish a method", lambda: check(client.post(edit_url, publish_data), 302)),
        (
            "search in the admin (pages)",
            lambda: check(client.get(reverse("wagtailadmin_pages:search"), {"q": "närvaro"})),
        ),
        (
            # One page type is allowed under the finder: Wagtail goes straight to its form.
            "add subpage (to the new method form)",
            lambda: check(
                client.get(reverse("wagtailadmin_pages:add_subpage", args=[finder.pk]), follow=True)
            ),
        ),
    ]
    rows = []
    try:
        for name, run in targets:
            run()  # warm-up: the first request fills per-process caches
            timings, cpu = [], []
            profiler = cProfile.Profile() if args.profile else None
            for _ in range(args.repeat):
                started, cpu_started = time.perf_counter(), time.process_time()
                if profiler:
                    profiler.enable()
                run()
                if profiler:
                    profiler.disable()
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - cpu_started) * 1000)
            if profiler:
                args.profile.mkdir(parents=True, exist_ok=True)
                slug = name.split(" (")[0].replace(" ", "-")
                profiler.dump_stats(args.profile / f"{slug}.prof")
            rows.append((name, statistics.median(timings), max(timings), statistics.median(cpu)))
    finally:
        user.delete()

    print(f"Admin timings: {count} methods under the finder, {args.repeat} runs each.\n")
    print("| admin view | median ms | slowest ms | CPU ms (median) | goal | met |")
    print("| --- | ---: | ---: | ---: | --- | --- |")
    for name, median, slowest, cpu_median in rows:
        met = "yes" if slowest < GOAL_MS else "**no**"
        print(f"| {name} | {median:.0f} | {slowest:.0f} | {cpu_median:.0f} | < {GOAL_MS} | {met} |")
    load = os.getloadavg()[0]
    print(f"\nLoad average (1 min) {load:.1f} on {os.cpu_count()} CPUs: the web process's CPU time")
    print("is what the views cost; wall time above it is waiting for the machine and database.")


if __name__ == "__main__":
    main()
