"""The public site in real headless Chromium (Debian's package, driven by Playwright):
pages, filters, search, "Add to calendar", keyboard-only use, an axe-core accessibility
check, and screenshots at desktop and phone widths in screenshots/ (git-ignored)."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from icalendar import Calendar

from releases.models import PressRelease

from . import site_factories as f

SCREENSHOTS = Path(settings.BASE_DIR) / "screenshots"
WIDTHS = {"desktop": 1280, "phone": 390}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def page(browser):
    # A reader in Paris, so the call box also shows the time in the reader's zone.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, timezone_id="Europe/Paris",
                                  accept_downloads=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Console errors catch Content-Security-Policy violations and script failures; failed
    # loads are reported by the response listener, which can tell a page from its assets.
    page.on("console", lambda m: m.type == "error" and not m.text.startswith("Failed to load resource")
            and errors.append(m.text))
    page.on("response", lambda r: r.status >= 400 and r.request.resource_type != "document"
            and errors.append(f"{r.status} {r.url}"))
    yield page
    context.close()
    assert not errors, errors


@pytest.fixture
def site(live_server):
    world = f.world()
    world.published.subheadline = "Call on December 1 to discuss results; webcast and replay available"
    world.published.dateline_location = "BOSTON, Mass."
    world.published.wire = "Business Wire"
    world.published.about = "Northwind Holdings makes laboratory instruments used in 40 countries."
    world.published.body = (
        "<p>Northwind Holdings, Inc. (NASDAQ: NWND) will host a conference call to discuss its third "
        "quarter results.</p><p>Revenue rose <strong>12%</strong> to $48.2 million.</p>"
    )
    world.published.save()
    other = f.company(name="Contoso Pharmaceuticals plc", slug="contoso", headquarters="London, UK")
    f.listing(other, exchange="LSE", ticker="CTSO")
    now = timezone.now()
    for n, (headline, category) in enumerate([
        ("Contoso Pharmaceuticals Reports Positive Phase 3 Results", PressRelease.Category.CLINICAL),
        ("Contoso Pharmaceuticals Declares Interim Dividend", PressRelease.Category.DIVIDEND),
        ("Contoso Pharmaceuticals Appoints Chief Financial Officer", PressRelease.Category.MANAGEMENT),
    ]):
        f.release(company=other, headline=headline, category=category, published_at=now - timedelta(days=n + 2),
                  subheadline="Results presented at the annual congress" if n == 0 else "")
    world.live_server = live_server
    return world


def shoot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SCREENSHOTS / f"{name}-{label}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def serious_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_home_shows_releases_next_call_and_companies(page, site):
    page.goto(site.live_server.url + "/")
    assert page.get_by_role("heading", name="Latest press releases").is_visible()
    assert page.get_by_role("link", name=site.published.headline).is_visible()
    assert page.get_by_role("heading", name=site.public_call.title).is_visible()
    assert site.embargoed.headline not in page.content()
    shoot(page, "home")


def test_archive_filters_by_company(page, site):
    page.goto(site.live_server.url + "/releases/")
    assert page.get_by_role("link", name=site.published.headline).is_visible()
    shoot(page, "archive")
    page.get_by_label("Company").select_option(label="Contoso Pharmaceuticals plc")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**company=contoso**")
    assert page.get_by_text("3 releases match your filters").is_visible()
    assert page.get_by_role("link", name=site.published.headline).count() == 0
    shoot(page, "archive-filtered")


def test_search_from_the_header(page, site):
    page.goto(site.live_server.url + "/")
    page.get_by_role("searchbox", name="Search press releases").fill("dividend")
    page.get_by_role("searchbox", name="Search press releases").press("Enter")
    page.wait_for_url("**q=dividend**")
    assert page.get_by_role("link", name="Contoso Pharmaceuticals Declares Interim Dividend").is_visible()
    assert page.get_by_role("link", name="Contoso Pharmaceuticals Appoints Chief Financial Officer").count() == 0
    shoot(page, "search")


def test_release_page_shows_call_in_its_zone_and_the_readers(page, site):
    page.goto(site.live_server.url + site.published.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == site.published.headline
    when = page.locator("time[data-local-time]").first
    assert when.inner_text().endswith(("EST", "EDT"))
    assert "Your time:" in page.locator(".local-time").first.inner_text()
    assert page.get_by_role("link", name="1-800-555-0199").get_attribute("href") == "tel:+18005550199"
    shoot(page, "release")


def test_add_to_calendar_in_two_clicks_from_home(page, site):
    page.goto(site.live_server.url + "/")
    with page.expect_download() as download_info:
        page.get_by_role("complementary").get_by_role("link", name="Add to calendar").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = Calendar.from_ical(Path(download.path()).read_bytes())
    [event] = calendar.walk("VEVENT")
    assert site.public_call.title in str(event["SUMMARY"])
    assert calendar.walk("VTIMEZONE")


def test_events_company_and_error_pages(page, site):
    for name, path in [("events", "/events/"), ("event", site.public_call.get_absolute_url()),
                       ("company", site.company.get_absolute_url()), ("companies", "/companies/")]:
        response = page.goto(site.live_server.url + path)
        assert response.status == 200
        shoot(page, name)
    response = page.goto(site.live_server.url + "/no-such-page/")
    assert response.status == 404
    assert page.get_by_role("heading", name="Page not found").is_visible()
    shoot(page, "404")


def test_keyboard_reaches_skip_link_and_main_nav_with_visible_focus(page, site):
    page.goto(site.live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    assert page.get_by_role("link", name="Skip to main content").is_visible()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    shoot(page, "focus-skip-link")
    names = []
    for _ in range(5):
        page.keyboard.press("Tab")
        names.append(page.evaluate("document.activeElement.textContent.trim()"))
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    assert "Press releases" in names and "Events" in names
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_pages_have_no_serious_accessibility_violations(page, site):
    paths = ["/", "/releases/", "/releases/?q=results", site.published.get_absolute_url(), "/events/",
             site.public_call.get_absolute_url(), site.company.get_absolute_url(), "/companies/", "/nope/"]
    found = {}
    for path in paths:
        page.goto(site.live_server.url + path)
        violations = serious_violations(page)
        if violations:
            found[path] = violations
    assert not found, found
