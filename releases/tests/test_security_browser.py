"""The admin under the Content-Security-Policy, in real headless Chromium: signing in, the
release list, the add and change forms with their inlines, date pickers and autocompletes,
and the upload page all work without a single policy violation."""

import pytest

from releases.models import PressRelease

from . import factories

PASSWORD = "correct horse battery staple"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def admin_page(browser, live_server, django_user_model, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    django_user_model.objects.create_user("carol", password=PASSWORD, is_staff=True, is_superuser=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("console", lambda message: message.type in ("error", "warning") and problems.append(message.text))
    page.problems = problems
    page.base = live_server.url
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "carol")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    yield page
    context.close()


def violations(page) -> list[str]:
    return [p for p in page.problems if "Content Security Policy" in p or "script error" in p]


def test_admin_pages_run_their_scripts_without_policy_violations(admin_page):
    release = factories.release()
    page = admin_page
    for path in [
        "/admin/",
        "/admin/releases/pressrelease/",
        f"/admin/releases/pressrelease/{release.pk}/change/",
        "/admin/releases/conferencecall/add/",
        "/admin/releases/company/add/",
        "/admin/releases/pressrelease/upload/",
    ]:
        response = page.goto(page.base + path)
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
    assert violations(page) == []


def test_admin_widgets_work_under_the_policy(admin_page):
    release = factories.release()
    page = admin_page
    page.goto(f"{page.base}/admin/releases/conferencecall/add/")
    # Inline rows are added by the admin's inlines.js: a live script, not markup.
    rows = page.locator(".dynamic-dial_ins").count()
    page.locator(".add-row a").first.click()
    assert page.locator(".dynamic-dial_ins").count() == rows + 1
    # The date picker is built by DateTimeShortcuts.js.
    page.locator(".datetimeshortcuts a").first.click()
    assert page.locator(".datetimeshortcuts").first.is_visible()

    page.goto(f"{page.base}/admin/releases/pressrelease/")
    page.check(f"input.action-select[value='{release.pk}']")
    assert page.locator(".action-counter").inner_text().startswith("1 of")
    assert PressRelease.objects.count() == 1
    assert violations(page) == []
