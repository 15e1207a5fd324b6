"""RSS and Atom: published releases only, stable GUIDs, conditional GET."""

from datetime import timedelta
from unittest import mock
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from releases.feeds import release_guid
from releases.models import PressRelease

from . import site_factories as f

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"

FEEDS = [
    ("all-rss", lambda w: reverse("releases:feed-rss")),
    ("all-atom", lambda w: reverse("releases:feed-atom")),
    ("company-rss", lambda w: reverse("releases:company-feed-rss", kwargs={"slug": w.company.slug})),
    ("company-atom", lambda w: reverse("releases:company-feed-atom", kwargs={"slug": w.company.slug})),
    ("category-rss", lambda w: reverse("releases:category-feed-rss", kwargs={"category": "earnings"})),
    ("category-atom", lambda w: reverse("releases:category-feed-atom", kwargs={"category": "earnings"})),
]


@pytest.fixture
def world():
    return f.world()


@pytest.mark.parametrize("url", [u for _, u in FEEDS], ids=[n for n, _ in FEEDS])
def test_feed_has_published_release_and_nothing_unpublished(client, world, url):
    response = client.get(url(world))
    assert response.status_code == 200
    body = response.content.decode()
    ElementTree.fromstring(response.content)
    assert world.published.headline in body
    assert world.embargoed.headline not in body and world.draft.headline not in body


def test_rss_guid_is_stable_and_not_the_url(client, world):
    root = ElementTree.fromstring(client.get(reverse("releases:feed-rss")).content)
    guid = root.find("./channel/item/guid")
    assert guid.text == release_guid(world.published) == f"tag:irsite,2025:release-{world.published.pk}"
    assert guid.get("isPermaLink") == "false"
    PressRelease.objects.filter(pk=world.published.pk).update(slug="renamed", headline="Renamed")
    root = ElementTree.fromstring(client.get(reverse("releases:feed-rss")).content)
    assert root.find("./channel/item/guid").text == guid.text


def test_atom_entry_id_is_the_guid(client, world):
    root = ElementTree.fromstring(client.get(reverse("releases:feed-atom")).content)
    assert root.find(f"{ATOM}entry/{ATOM}id").text == release_guid(world.published)


def test_category_feed_has_only_its_category(client):
    f.release(headline="A dividend", category=PressRelease.Category.DIVIDEND)
    f.release(headline="Some earnings", category=PressRelease.Category.EARNINGS)
    body = client.get(reverse("releases:category-feed-rss", kwargs={"category": "dividend"})).content.decode()
    assert "A dividend" in body and "Some earnings" not in body


@pytest.mark.parametrize("url", ["/feeds/categories/nonsense.rss", "/feeds/companies/nobody.atom"])
def test_unknown_category_or_company_feed_is_404(client, url):
    assert client.get(url).status_code == 404


def test_company_feed_of_company_with_only_embargoed_releases_is_404(client):
    hidden = f.company(slug="stealth")
    f.embargoed(company=hidden)
    assert client.get(reverse("releases:company-feed-rss", kwargs={"slug": "stealth"})).status_code == 404


@pytest.mark.parametrize("url", [u for _, u in FEEDS[:2]], ids=[n for n, _ in FEEDS[:2]])
def test_feed_answers_conditional_get_with_304(client, world, url):
    first = client.get(url(world))
    assert first.has_header("ETag") and first.has_header("Last-Modified")
    assert client.get(url(world), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url(world), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_feed_changes_when_an_embargo_lifts(client, world):
    url = reverse("releases:feed-rss")
    first = client.get(url)
    later = world.embargoed.published_at + timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        second = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert world.embargoed.headline in second.content.decode()


@pytest.mark.parametrize("url", [u for _, u in FEEDS], ids=[n for n, _ in FEEDS])
def test_a_feed_cached_whole_shows_every_change_to_what_it_lists(client, world, url, settings):
    settings.PAGE_CACHE_ENABLED = False  # only the feed's own cache
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    first = client.get(url(world))
    assert client.get(url(world)).content == first.content and first["Last-Modified"]
    world.published.headline = "Northwind Raises Its Outlook"
    world.published.save()
    assert b"Northwind Raises Its Outlook" in client.get(url(world)).content
    world.company.name = "Northwind Group"
    world.company.save()
    assert b"Northwind Group" in client.get(url(world)).content
    world.embargoed.published_at = world.published.published_at
    world.embargoed.save()
    assert world.embargoed.headline.encode() in client.get(url(world)).content
    # Links are absolute: another host is another feed.
    assert b"http://other.example/" in client.get(url(world), HTTP_HOST="other.example").content
