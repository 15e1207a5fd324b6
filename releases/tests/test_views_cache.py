"""The shared page cache: hits make no queries, every kind of write shows at once, an
embargo lifts on time with a warm cache, and staff and anonymous pages never mix."""

import os
import subprocess
import sys
from datetime import timedelta
from html.parser import HTMLParser
from unittest import mock

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from releases import pagecache, services
from releases.models import PressRelease

from . import site_factories as f
from .test_views import QUERY_PAGES, build_releases, count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return f.world()


@pytest.fixture
def anonymous():
    return Client()


def text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def later(moment, seconds=1):
    return mock.patch("django.utils.timezone.now", return_value=moment + timedelta(seconds=seconds))


@pytest.mark.parametrize("name", QUERY_PAGES)
def test_a_cached_page_is_served_without_queries_and_unchanged(anonymous, name):
    owner = build_releases(3)
    url = QUERY_PAGES[name](owner, owner.releases.order_by("-published_at")[1])
    first = anonymous.get(url)
    with mock.patch("releases.pagecache.next_change") as horizon:
        assert count_queries(anonymous, url) == 0
    horizon.assert_not_called()
    second = anonymous.get(url)
    assert second.content == first.content and second["Content-Type"] == first["Content-Type"]


@pytest.mark.parametrize("name", QUERY_PAGES)
def test_a_cache_miss_makes_the_same_queries_for_3_and_30_releases(anonymous, name):
    owner = build_releases(3)
    caches["pages"].clear()  # both rendered from nothing
    few = count_queries(anonymous, QUERY_PAGES[name](owner, owner.releases.order_by("-published_at")[1]))
    more = build_releases(27)
    caches["pages"].clear()
    many = count_queries(anonymous, QUERY_PAGES[name](more, more.releases.order_by("-published_at")[1]))
    assert few == many


def warm(client, world) -> list[str]:
    """Fill the cache with the pages that list releases (and the events page and sitemap);
    returns the former."""
    urls = [
        reverse("releases:home"),
        reverse("releases:release-list"),
        reverse("releases:feed-rss"),
        world.company.get_absolute_url(),
    ]
    for url in [*urls, reverse("releases:event-list"), reverse("sitemap")]:
        assert client.get(url).status_code == 200
    return urls


def test_publishing_a_draft_shows_it_on_every_warm_page(anonymous, world):
    urls = warm(anonymous, world)
    assert anonymous.get(world.draft.get_absolute_url()).status_code == 404
    services.release_publish(release=world.draft, confirmed=True, exchange_notified_at=timezone.now())
    for url in urls:
        assert world.draft.headline in text(anonymous, url)
    assert world.draft.get_absolute_url() in text(anonymous, reverse("sitemap"))
    assert anonymous.get(world.draft.get_absolute_url()).status_code == 200


def test_unpublishing_removes_a_release_from_every_warm_page(anonymous, world):
    urls = warm(anonymous, world)
    detail = world.published.get_absolute_url()
    assert anonymous.get(detail).status_code == 200
    services.release_unpublish(release=world.published)
    for url in urls:  # the company page among them answers 404 now: nothing of it is public
        assert world.published.headline not in anonymous.get(url).content.decode()
    assert anonymous.get(detail).status_code == 404
    # Its call was public only through the release.
    assert world.public_call.title not in text(anonymous, reverse("releases:event-list"))


class FormFields(HTMLParser):
    """The values a browser would submit from a page's forms (checked boxes, selected options)."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file", "image"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if attrs.get("type") == "checkbox" else ""
            self.data.setdefault(name, []).append(attrs.get("value") or default)
        elif tag == "select" and name:
            self.select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self.data[self.select].append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self.textarea = name
            self.data[name] = [""]

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            if self.textarea:
                self.data[self.textarea][0] = self.data[self.textarea][0].removeprefix("\n")
            self.textarea = None


def test_editing_a_headline_in_the_admin_shows_on_warm_pages(anonymous, staff_client, world):
    urls = warm(anonymous, world)
    detail = world.published.get_absolute_url()
    anonymous.get(detail)
    change_url = reverse("admin:releases_pressrelease_change", args=[world.published.pk])
    form = FormFields()
    form.feed(staff_client.get(change_url).content.decode())
    data = form.data
    data["headline"] = ["Northwind Raises Its Outlook"]
    response = staff_client.post(change_url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    assert PressRelease.objects.get(pk=world.published.pk).headline == "Northwind Raises Its Outlook"
    for url in [*urls, detail]:
        html = text(anonymous, url)
        assert "Northwind Raises Its Outlook" in html and "Northwind Announces Third Quarter Call" not in html


def test_a_new_call_shows_on_warm_event_pages(anonymous, world):
    urls = warm(anonymous, world)
    f.call(
        company=world.company, release=None, title="Investor day webcast", starts_at=timezone.now() + timedelta(days=1)
    )
    for url in (urls[0], reverse("releases:event-list"), world.company.get_absolute_url()):
        assert "Investor day webcast" in text(anonymous, url)
    assert "Investor day webcast" in text(anonymous, reverse("releases:calendar-feed"))


def test_deleting_a_release_removes_it_from_warm_pages(anonymous, world):
    extra = f.release(company=world.company, headline="Northwind Names A New Auditor", slug="auditor")
    urls = warm(anonymous, world)
    assert extra.headline in text(anonymous, reverse("releases:release-list"))
    extra.delete()
    for url in urls:
        assert extra.headline not in text(anonymous, url)


def test_changing_a_dial_in_shows_on_the_warm_release_page(anonymous, world):
    detail = world.published.get_absolute_url()
    assert "1-800-555-0199" in text(anonymous, detail)
    dial_in = world.public_call.dial_ins.get(number="1-800-555-0199")
    dial_in.number = "1-888-555-0123"
    dial_in.save()
    assert "1-888-555-0123" in text(anonymous, detail)


def test_an_embargo_lifts_on_time_with_a_warm_cache(anonymous, world):
    soon = f.embargoed(company=world.company, headline="Northwind Closes Its Offering", slug="offering")
    soon.published_at = timezone.now() + timedelta(seconds=1)
    soon.save()
    urls = warm(anonymous, world)
    for url in urls:
        assert soon.headline not in text(anonymous, url)
    assert anonymous.get(soon.get_absolute_url()).status_code == 404
    with later(soon.published_at):
        for url in urls:
            assert soon.headline in text(anonymous, url)
        assert soon.get_absolute_url() in text(anonymous, reverse("sitemap"))
        assert anonymous.get(soon.get_absolute_url()).status_code == 200
        # Not its two-hour neighbour, still under embargo.
        assert world.embargoed.headline not in text(anonymous, reverse("releases:release-list"))


def test_a_call_moves_from_upcoming_to_past_when_it_starts(anonymous, world):
    url = reverse("releases:event-list")
    call = f.call(company=world.company, release=None, title="Capital markets day",
                  starts_at=timezone.now() + timedelta(minutes=5))
    upcoming = text(anonymous, url)
    with later(call.starts_at, seconds=60):
        assert text(anonymous, url) != upcoming


OTHER_PROCESS_WRITES = "import django; django.setup(); from releases.pagecache import bump_generation; bump_generation()"


def test_a_write_in_another_process_clears_this_processs_local_memory_pages(anonymous, world, settings):
    url = reverse("releases:release-list")
    assert world.published.headline in text(anonymous, url)
    # A write this process sends no signal for (a save elsewhere moves the row's version),
    # then the stamp the other process writes.
    PressRelease.objects.filter(pk=world.published.pk).update(
        headline="Changed In Another Process", updated_at=timezone.now()
    )
    assert "Changed In Another Process" not in text(anonymous, url)
    other = subprocess.run(
        [sys.executable, "-c", OTHER_PROCESS_WRITES],
        env={**os.environ, "IRSITE_PAGE_CACHE_STAMP": str(settings.PAGE_CACHE_STAMP), "CACHE_URL": "locmemcache://"},
        cwd=settings.BASE_DIR,
        check=True,
    )
    assert other.returncode == 0
    assert "Changed In Another Process" in text(anonymous, url)


def test_an_unwritable_stamp_turns_the_page_cache_off_rather_than_serve_stale(anonymous, world, settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.PAGE_CACHE_STAMP = blocker / "page-generation"
    url = reverse("releases:release-list")
    assert world.published.headline in text(anonymous, url)
    PressRelease.objects.filter(pk=world.published.pk).update(headline="Shown At Once", updated_at=timezone.now())
    assert "Shown At Once" in text(anonymous, url)
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    with pytest.raises(SystemCheckError, match="irsite.W001"):
        call_command("check", fail_level="WARNING")


def test_the_page_cache_can_be_turned_off(anonymous, world, settings):
    settings.PAGE_CACHE_ENABLED = False
    url = reverse("releases:release-list")
    assert world.published.headline in text(anonymous, url)
    PressRelease.objects.filter(pk=world.published.pk).update(headline="Not Cached", updated_at=timezone.now())
    assert "Not Cached" in text(anonymous, url)


@pytest.mark.parametrize(("enabled", "reads"), [(True, 1), (False, 0)], ids=["page-cache", "page-cache-off"])
def test_a_page_reads_the_generation_once(anonymous, world, settings, enabled, reads):
    settings.PAGE_CACHE_ENABLED = enabled
    url = reverse("releases:release-list")
    with mock.patch("releases.pagecache.generation", wraps=pagecache.generation) as read:
        assert world.published.headline in text(anonymous, url)
    assert read.call_count == reads
    first = pagecache.generation()
    pagecache.bump_generation()
    assert pagecache.generation() != first


def test_staff_are_never_served_a_cached_page(anonymous, staff_client, world):
    url = reverse("releases:release-list")
    assert world.published.headline in text(anonymous, url)
    # A write that sends no signal (but moves the row's version, as a save does): the
    # anonymous page stays cached, staff see the table.
    PressRelease.objects.filter(pk=world.published.pk).update(
        headline="Changed Behind The Cache", updated_at=timezone.now()
    )
    assert "Changed Behind The Cache" not in text(anonymous, url)
    assert "Changed Behind The Cache" in text(staff_client, url)


def test_a_staff_preview_is_never_served_to_anonymous_visitors(anonymous, staff_client, world):
    detail = world.embargoed.get_absolute_url()
    preview = staff_client.get(detail)
    assert preview.status_code == 200 and world.embargoed.headline in preview.content.decode()
    assert "no-cache" in preview["Cache-Control"]
    assert anonymous.get(detail).status_code == 404
    # Nor the other way round: a page cached for anonymous visitors is not the staff preview.
    staff_client.get(reverse("releases:home"))
    assert world.embargoed.headline not in text(anonymous, reverse("releases:home"))


def test_calendars_answer_conditional_gets(anonymous, world):
    for url in (reverse("releases:calendar-feed"), reverse("releases:event-ics", kwargs={"pk": world.public_call.pk})):
        first = anonymous.get(url)
        assert first.status_code == 200 and first.has_header("ETag")
        assert anonymous.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


# What a stored page is named by, how many there can be, and what a proxy in front is told.


def pages_cache_entries() -> int:
    return len(caches["pages"]._cache)  # noqa: SLF001 (local memory)


BOUNDED_PAGES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "flood-default"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "flood-pages",
        "OPTIONS": {"MAX_ENTRIES": 60},
    },
    "throttle": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "irsite_throttle"},
}


def test_a_flood_of_20000_query_strings_keeps_the_lockout_and_the_cache_bound(world, settings):
    from django.contrib.auth import get_user_model

    from irsite import throttle

    settings.CACHES = BOUNDED_PAGES
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.IRSITE_LOGIN_FAILURE_LIMIT = 3
    get_user_model().objects.create_user("carol", password="the right one", is_staff=True)
    staff = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(3):
        staff.post("/admin/login/?next=/admin/", {"username": "carol", "password": "wrong", "next": "/admin/"})

    visitor = Client()
    archive = reverse("releases:release-list")
    # 19,700 query strings of parameters the archive does not read: one page, one entry.
    for n in range(19_700):
        assert visitor.get(archive, {"utm_source": f"mail-{n}", "fbclid": n}).status_code == 200
    assert pages_cache_entries() <= 3  # the page, the generation's horizon, and nothing per query string
    # 300 distinct searches: each a page of its own, and the cache culls past its bound.
    for n in range(300):
        assert visitor.get(archive, {"q": f"northwind {n}"}).status_code == 200
    assert pages_cache_entries() <= 60

    locked = staff.post("/admin/login/?next=/admin/", {"username": "carol", "password": "the right one"})
    assert locked.status_code == 429
    assert throttle.seconds_locked("carol", "203.0.113.7") > 0


def test_a_public_page_tells_a_proxy_to_keep_it_no_longer_than_the_site_would(anonymous, world, settings):
    settings.PAGE_SHARED_SECONDS = 60
    url = reverse("releases:release-list")
    for response in (anonymous.get(url), anonymous.get(url)):  # stored, then from the cache
        assert response.status_code == 200
        assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=0", "s-maxage=60"}
        assert response.has_header("ETag")
    assert anonymous.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_a_proxy_keeps_a_page_no_later_than_the_next_embargo_lift(anonymous, world, settings):
    settings.PAGE_SHARED_SECONDS = 600
    soon = f.embargoed(company=world.company, headline="Northwind Closes Its Offering", slug="offering")
    soon.published_at = timezone.now() + timedelta(seconds=30)
    soon.save()
    response = anonymous.get(reverse("releases:home"))
    seconds = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert 0 < seconds <= 30


@pytest.mark.parametrize("kind", ["not-found", "preview", "signed-in"])
def test_what_is_not_for_everyone_is_never_public_to_a_proxy(anonymous, staff_client, world, kind):
    if kind == "not-found":
        response = anonymous.get(world.embargoed.get_absolute_url())
        assert response.status_code == 404
    elif kind == "preview":
        response = staff_client.get(world.embargoed.get_absolute_url())
        assert response.status_code == 200
    else:
        response = staff_client.get(reverse("releases:release-list"))
    assert "public" not in response.get("Cache-Control", "")
    assert "s-maxage" not in response.get("Cache-Control", "")


def test_a_new_deploy_never_serves_pages_stored_by_the_code_before_it(anonymous, world):
    url = reverse("releases:release-list")
    assert world.published.headline in text(anonymous, url)
    PressRelease.objects.filter(pk=world.published.pk).update(headline="Changed Before The Deploy")  # no signal
    assert "Changed Before The Deploy" not in text(anonymous, url)
    with mock.patch("releases.pagecache.code_digest", return_value="another-deploy"):
        assert "Changed Before The Deploy" in text(anonymous, url)
