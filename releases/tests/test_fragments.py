"""Fragments cached per content version: with the page cache off, a page shows every write
at once, yet renders a release's article and a page of rows once per version."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from releases import fragments
from releases.models import PressRelease

from . import site_factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def release():
    company = f.company(name="Contoso Labs, Inc.")
    release = f.release(company=company, headline="Contoso Declares a Dividend")
    f.dial_in(f.call(release=release), number="1-877-407-0784")
    return release


def html(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "write, shown",
    [
        (lambda r: f.dial_in(r.calls.get(), number="1-201-689-8560"), "1-201-689-8560"),
        (lambda r: f.listing(r.company, exchange="TSX", ticker="CTSO"), "TSX: CTSO"),
        (lambda r: f.contact(r.company, name="Avery Quinn").releases.add(r), "Avery Quinn"),
        (lambda r: setattr(r.company, "name", "Contoso Group") or r.company.save(), "Contoso Group"),
    ],
    ids=["dial-in", "listing", "contact", "company renamed"],
)
def test_a_release_page_shows_a_write_to_anything_its_article_shows(release, write, shown):
    url = release.get_absolute_url()
    assert shown not in html(url)
    write(release)
    assert shown in html(url)


@pytest.mark.parametrize("url", [reverse("releases:release-list"), reverse("releases:home")])
def test_list_pages_show_a_renamed_company_and_an_edited_headline(release, url):
    assert "Contoso Declares a Dividend" in html(url)
    release.headline = "Contoso Raises Its Dividend"
    release.save()
    release.company.name = "Contoso Group"
    release.company.save()
    page = html(url)
    assert "Contoso Raises Its Dividend" in page and "Contoso Group" in page


def test_an_article_is_rendered_once_per_version(release, django_assert_num_queries):
    url = release.get_absolute_url()
    html(url)
    # One statement for the release's version and its neighbours; the release's row, its
    # calls, dial-ins, contacts and listings come cached.
    with django_assert_num_queries(1):
        html(url)


def test_a_staff_preview_is_never_stored_as_a_fragment(staff_client):
    draft = f.draft(headline="Secret Merger Agreement")
    assert staff_client.get(draft.get_absolute_url()).status_code == 200
    # Published behind the cache's back, with no new version: the article is rendered anew.
    PressRelease.objects.filter(pk=draft.pk).update(published_at=draft.created_at)
    assert cache.get(fragments.version_key("release-article", draft.pk, draft.updated_at)) is None


def test_fragment_names_change_with_the_code(release, monkeypatch):
    before = fragments.version_key("release-article", release.pk, release.updated_at)
    monkeypatch.setattr(fragments, "code_digest", lambda: "a-new-deploy")
    assert fragments.version_key("release-article", release.pk, release.updated_at) != before


def test_a_company_page_shows_each_write_to_what_it_lists(release):
    from django.utils import timezone

    url = release.company.get_absolute_url()
    assert "Contoso Declares a Dividend" in html(url)
    newer = f.embargoed(company=release.company, headline="Contoso Opens a Plant")
    assert "Contoso Opens a Plant" not in html(url)
    newer.published_at = timezone.now()
    newer.save()
    assert "Contoso Opens a Plant" in html(url)
    f.dial_in(release.calls.get(), number="1-201-689-8560")
    assert "1-201-689-8560" in html(url)
    f.contact(release.company, name="Avery Quinn", on_company_page=True)
    assert "Avery Quinn" in html(url)
    newer.delete()
    assert "Contoso Opens a Plant" not in html(url)


def test_the_archive_counts_and_lists_each_publication_and_search_at_once(release):
    url = reverse("releases:release-list")
    assert "1 release." in html(url) and "1 release match" in html(f"{url}?q=dividend")
    newer = f.release(company=release.company, headline="Contoso Raises Its Dividend")
    assert "2 releases." in html(url) and "2 releases match" in html(f"{url}?q=dividend")
    newer.published_at = None
    newer.save()
    assert "1 release." in html(url) and "Contoso Raises" not in html(f"{url}?q=dividend")


@pytest.mark.parametrize("url", [reverse("releases:home"), reverse("releases:event-list")], ids=["home", "events"])
def test_call_lists_show_each_write_to_their_calls(release, url):
    from datetime import timedelta

    from django.utils import timezone

    call = release.calls.get()
    assert "1-877-407-0784" in html(url)
    f.dial_in(call, number="1-201-689-8560")
    assert "1-201-689-8560" in html(url)
    call.title = "Contoso Dividend Call, Rescheduled"
    call.save()
    assert "Contoso Dividend Call, Rescheduled" in html(url)
    sooner = f.call(company=release.company, release=None, title="Contoso Investor Day",
                    starts_at=timezone.now() + timedelta(hours=1))
    assert "Contoso Investor Day" in html(url)
    sooner.delete()
    assert "Contoso Investor Day" not in html(url)


def test_the_events_page_counts_and_lists_past_calls_as_they_change(release):
    from datetime import timedelta

    from django.utils import timezone

    url = reverse("releases:event-list")
    past = f.call(company=release.company, release=None, title="Contoso Annual Meeting",
                  starts_at=timezone.now() - timedelta(days=2))
    assert "Contoso Annual Meeting" in html(url)
    past.title = "Contoso Annual General Meeting"
    past.save()
    assert "Contoso Annual General Meeting" in html(url)
    release.published_at = None
    release.save()  # its call is no longer public
    assert "1-877-407-0784" not in html(url)


def test_the_archive_body_follows_its_count_and_filter_choices_when_its_rows_do_not_change(release, settings):
    from datetime import timedelta

    settings.PAGE_CACHE_ENABLED = True  # the generation moves with every write, as in production
    for n in range(20):  # a full first page, newer than the fixture's release
        moment = release.published_at + timedelta(minutes=n + 1)
        f.release(company=release.company, headline=f"Contoso Update {n}", published_at=moment)
    url = reverse("releases:release-list")
    assert "21 releases." in html(url)
    # An older release lands on page 2: page 1's rows stay, its count moves.
    older = f.company(name="Fabrikam Tools, Inc.", slug="fabrikam")
    f.release(company=older, headline="Fabrikam Reports", published_at=release.published_at - timedelta(days=30))
    page = html(url)
    assert "22 releases." in page and "Fabrikam Reports" not in page
    # The new company is a filter choice at once: the form's fragment follows its choices.
    assert '<option value="fabrikam">Fabrikam Tools, Inc.</option>' in page


def test_a_search_matches_and_counts_once_per_generation_however_its_pages_are_read(release):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(25):
        f.release(company=release.company, headline=f"Contoso Dividend Update {n}")
    url = f"{reverse('releases:release-list')}?q=dividend"
    assert "26 releases match" in html(url)
    with CaptureQueriesContext(connection) as captured:
        assert "Contoso Dividend Update 24<" in html(f"{url}&page=2")  # the oldest
        html(url)
    searches = [q["sql"] for q in captured if " MATCH " in q["sql"] or "@@" in q["sql"] or "COUNT(" in q["sql"]]
    assert searches == []
    # A write is a new generation: the next search matches again.
    release.headline = "Contoso Opens a Plant"
    release.save()
    assert "25 releases match" in html(url)


def test_search_pages_beyond_the_kept_head_are_read_from_the_database(release, monkeypatch):
    from releases import views

    monkeypatch.setattr(views, "SEARCH_HEAD", 30)
    for n in range(44):
        f.release(company=release.company, headline=f"Contoso Dividend Update {n}")
    url = f"{reverse('releases:release-list')}?q=dividend"
    expected = [r.headline for r in PressRelease.objects.published()]
    shown = []
    for number in (1, 2, 3):
        page = html(f"{url}&page={number}")
        shown += [headline for headline in expected if f">{headline}<" in page]
    assert sorted(shown) == sorted(expected) and len(shown) == 45


def test_a_release_page_follows_its_neighbours_and_its_address(release, settings):
    from datetime import timedelta

    url = release.get_absolute_url()
    assert 'rel="next"' not in html(url)
    newer = f.release(company=release.company, headline="Contoso Opens a Plant",
                      published_at=release.published_at + timedelta(hours=1))
    assert "Contoso Opens a Plant" in html(url)
    newer.headline = "Contoso Opens Two Plants"
    newer.save()
    assert "Contoso Opens Two Plants" in html(url)
    # The canonical address is the one asked for, whichever host served the page first.
    settings.ALLOWED_HOSTS = ["testserver", "ir.example.com"]
    other = Client(HTTP_HOST="ir.example.com").get(url).content.decode()
    assert f'href="http://ir.example.com{url}"' in other
    assert f'href="http://testserver{url}"' in html(url)
    # Query parameters change nothing on the page, its canonical address included.
    tracked = html(f"{url}?utm_source=mail")
    assert f'<link rel="canonical" href="http://testserver{url}">' in tracked and "utm_source" not in tracked


def test_a_release_page_shown_to_staff_is_never_stored_for_visitors(release, staff_client):
    release.published_at = None
    release.save()
    assert staff_client.get(release.get_absolute_url()).status_code == 200
    assert Client().get(release.get_absolute_url()).status_code == 404


def test_packed_versions_give_back_the_versions_they_were_made_of(release):
    from datetime import UTC, datetime

    versions = [(release.pk, release.updated_at), (7, datetime(2026, 11, 25, 9, 30, 0, 123456, tzinfo=UTC))]
    packed = fragments.PackedVersions(versions)
    assert len(packed) == 2 and packed[0:2] == versions and packed[1:] == versions[1:]
    assert [fragments.version_key("row", *v) for v in packed[:]] == [fragments.version_key("row", *v) for v in versions]
