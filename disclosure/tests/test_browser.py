"""The approval flow in real headless Chromium, as IR staff who are not superusers: a writer
cannot publish alone where the company requires two; an approver approves; an edit after
approval voids it; an auditor reads the history."""

import pytest
from django.utils import timezone

from disclosure import workflow
from disclosure.audit import acting
from disclosure.models import AuditEvent, ReleaseReview
from releases.models import PressRelease
from releases.tests import factories as release_factories

from . import factories

expect = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed").expect
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sign_in(browser, live_server):
    contexts = []

    def sign_in_as(user):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.goto(live_server.url + "/admin/login/")
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill("pw-" + user.username)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url("**/admin/")
        return page

    yield sign_in_as
    for context in contexts:
        context.close()


@pytest.fixture
def people(db):
    return factories.person("wendy", "IR staff"), factories.person("arthur", "IR staff", "IR approvers")


def change_page(page, live_server, release):
    page.goto(f"{live_server.url}/admin/releases/pressrelease/{release.pk}/change/")


def test_two_people_publish_and_an_edit_voids_the_approval(sign_in, live_server, people):
    writer, approver = people
    company = release_factories.company(name="Northwind Holdings, Inc.", slug="northwind", requires_second_person=True)
    with acting(user=writer):
        release = factories.clean_release(company=company)
    wendy, arthur = sign_in(writer), sign_in(approver)

    change_page(wendy, live_server, release)
    wendy.get_by_role("button", name="Submit for approval").click()
    expect(wendy.get_by_text("Submitted 1 release(s) for approval.")).to_be_visible()

    change_page(wendy, live_server, release)
    wendy.get_by_role("button", name="Publish now").click()
    expect(wendy.get_by_text("requires a second person").first).to_be_visible()
    assert wendy.get_by_role("button", name="Publish").count() == 0  # alone, a writer cannot
    release.refresh_from_db()
    assert release.published_at is None

    change_page(arthur, live_server, release)
    arthur.get_by_role("button", name="Approve").click()
    expect(arthur.get_by_text("Approved 1 release(s) as they stand.")).to_be_visible()
    assert workflow.state(release) == ReleaseReview.State.APPROVED

    change_page(wendy, live_server, release)
    wendy.get_by_label("Headline:", exact=True).fill("Northwind to Host Fourth Quarter Results Call (Corrected)")
    wendy.get_by_role("button", name="Save and continue editing").click()
    expect(wendy.locator(".field-approval").get_by_text("Submitted for approval")).to_be_visible()
    assert workflow.state(release) == ReleaseReview.State.SUBMITTED

    change_page(arthur, live_server, release)
    arthur.get_by_role("button", name="Approve").click()
    change_page(wendy, live_server, release)
    wendy.get_by_role("button", name="Publish now").click()
    wendy.wait_for_url("**/admin/releases/pressrelease/")
    expect(wendy.get_by_text("Published 1 release(s).")).to_be_visible()
    release.refresh_from_db()
    assert release.is_published
    assert AuditEvent.objects.filter(action="publish", actor_name="wendy", override=False).count() == 1


def test_warnings_are_confirmed_on_the_checks_page(sign_in, live_server, people):
    writer, _ = people
    with acting(user=writer):
        release = factories.clean_release()
    release.calls.update(replay_until=None)
    wendy = sign_in(writer)
    change_page(wendy, live_server, release)
    wendy.get_by_role("button", name="Publish now").click()
    expect(wendy.get_by_text("does not say a replay")).to_be_visible()
    wendy.get_by_role("button", name="Publish").click()
    expect(wendy.get_by_text("has warnings; read them and confirm")).to_be_visible()
    wendy.get_by_label("I have read the warnings above and publish anyway").check()
    wendy.get_by_role("button", name="Publish").click()
    wendy.wait_for_url("**/admin/releases/pressrelease/")
    release.refresh_from_db()
    assert release.is_published


def test_an_auditor_reads_the_history_and_the_page_at_a_moment(sign_in, live_server, people):
    writer, _ = people
    auditor = factories.person("audrey", "Auditors")
    with acting(user=writer):
        release = factories.clean_release()
    from releases.services import release_publish

    with acting(user=writer):
        release_publish(release=release, by=writer, confirmed=True)
    audrey = sign_in(auditor)
    change_page(audrey, live_server, release)
    assert audrey.get_by_role("button", name="Publish now").count() == 0
    audrey.get_by_role("link", name="History").click()
    expect(audrey.get_by_role("heading", name="Audit trail")).to_be_visible()
    expect(audrey.get_by_role("cell", name="wendy").first).to_be_visible()
    audrey.get_by_label("What did the site show at").fill(
        timezone.localtime(timezone.now()).strftime("%Y-%m-%dT%H:%M:%S")
    )
    audrey.get_by_role("button", name="Show").click()
    expect(audrey.get_by_text("the page showed the publication snapshot")).to_be_visible()
    assert PressRelease.objects.get(pk=release.pk).is_published
