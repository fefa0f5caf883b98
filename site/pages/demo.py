"""Demo content of the site itself: locales, home page, about pages, contact, accessibility."""

import json
from pathlib import Path

from wagtail.models import Locale, Page, Site

from kcsite.pages.models import HomePage, SiteSettings, StandardPage
from kcsite.pages.site_address import base_url_host_and_port, sync_site_hostname

CONTENT = Path(__file__).resolve().parent.parent / "demo" / "pages.json"
MENU_SLUGS = {"om-kunskapscentrum", "narvaroarbete-i-tre-nivaer", "kontakt"}


def _ensure_home(demo, sv_content):
    """Replace Wagtail's placeholder root page ("Welcome to Wagtail") with the Swedish home page."""
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        demo.tally(bool(sync_site_hostname()))
        return site.root_page.specific
    root = Page.get_first_root_node()
    placeholder = root.get_children().filter(slug="home").first()
    if (
        placeholder
        and placeholder.specific_class is Page
        and not placeholder.get_children().exists()
    ):
        placeholder.delete()  # its Site row goes with it and is recreated below
    home = HomePage(
        title=sv_content["title"],
        slug="home",
        intro=sv_content["intro"],
        search_description=sv_content["search_description"],
        locale=Locale.objects.get(language_code="sv"),
    )
    home.body = json.dumps(sv_content["body"])
    root.add_child(instance=home)
    home.save_revision().publish()
    host, port = base_url_host_and_port()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": host,
            "port": port,
            "root_page": home,
            "site_name": "Kunskapscentrum för skolnärvaro",
        },
    )
    demo.tally(True)
    return home


def load_demo(demo):
    content = json.loads(CONTENT.read_text("utf-8"))
    sv_pages = {page["slug"]: page for page in content["sv"]}
    en_pages = {page["slug"]: page for page in content.get("en", [])}

    demo.step("locales: svenska (default), English")
    for code in ("sv", "en"):
        demo.tally(Locale.objects.get_or_create(language_code=code)[1])

    demo.step("home page")
    home = _ensure_home(demo, sv_pages["home"])

    demo.step("about, three tiers, contact and accessibility statement")
    pages = {}
    for slug, data in sv_pages.items():
        if slug == "home":
            continue
        pages[slug] = demo.page(
            home,
            StandardPage,
            slug,
            title=data["title"],
            intro=data["intro"],
            search_description=data["search_description"],
            show_in_menus=slug in MENU_SLUGS,
            body=data["body"],
        )

    demo.step("English translations")
    for slug, data in en_pages.items():
        original = home if slug == "home" else pages.get(slug)
        if original is None:
            continue
        demo.translation(
            original,
            "en",
            title=data["title"],
            intro=data["intro"],
            search_description=data["search_description"],
            body=data["body"],
        )

    demo.step("footer contact details")
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if not site_settings.email:
        site_settings.email = "teamdomino@exempel.boras.se"
        site_settings.phone = "033-00 00 00 (exempel)"
        site_settings.address = "Borås Stad\nGrundskoleförvaltningen\n501 80 Borås"
        site_settings.contact_page = pages.get("kontakt")
        site_settings.accessibility_page = pages.get("tillganglighetsredogorelse")
        site_settings.save()
        demo.tally(True)
    else:
        demo.tally(False)
