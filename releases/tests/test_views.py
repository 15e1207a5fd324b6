"""The public pages: what they show, what they never show, staff preview, query counts."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import caches
from django.db import connection
from django.template.loader import get_template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from releases.models import ConferenceCall, PressRelease
from releases.search import search_releases
from releases.views import HomeView, release_time_label

from . import site_factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return f.world()


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def assert_no_leak(html, world):
    for secret in (world.embargoed.headline, world.draft.headline, world.hidden_call.title):
        assert secret not in html


# The pages every visitor can reach, and what must be on each.
PUBLIC_PAGES = [
    ("home", lambda w: reverse("releases:home")),
    ("archive", lambda w: reverse("releases:release-list")),
    ("search", lambda w: reverse("releases:release-list") + "?q=Northwind"),
    ("release", lambda w: w.published.get_absolute_url()),
    ("events", lambda w: reverse("releases:event-list")),
    ("event", lambda w: w.public_call.get_absolute_url()),
    ("companies", lambda w: reverse("releases:company-list")),
    ("company", lambda w: w.company.get_absolute_url()),
]


@pytest.mark.parametrize("url", [u for _, u in PUBLIC_PAGES], ids=[n for n, _ in PUBLIC_PAGES])
def test_public_page_never_shows_draft_embargoed_or_their_calls(client, world, url):
    assert_no_leak(page(client, url(world)), world)


def test_home_shows_latest_releases_next_call_companies_and_advertises_feeds(client, world):
    html = page(client, reverse("releases:home"))
    assert world.published.headline in html
    assert world.public_call.title in html
    assert reverse("releases:event-ics", kwargs={"pk": world.public_call.pk}) in html
    assert world.company.name in html
    rss = reverse("releases:feed-rss")
    assert f'<link rel="alternate" type="application/rss+xml" title="Press releases (RSS)" href="{rss}">' in html
    assert 'type="application/atom+xml"' in html


def test_archive_lists_newest_first_and_paginates(client):
    owner = f.company()
    now = timezone.now()
    for n in range(25):
        f.release(company=owner, headline=f"Release number {n:02d}", published_at=now - timedelta(days=n))
    first = page(client, reverse("releases:release-list"))
    assert first.index("Release number 00") < first.index("Release number 01")
    assert "Release number 24" not in first
    assert "Page 1 of 2" in first
    second = page(client, reverse("releases:release-list") + "?page=2")
    assert "Release number 24" in second and "Release number 00" not in second


def test_archive_filters_by_year_company_and_category(client):
    acme, other = f.company(name="Acme Corp", slug="acme"), f.company(name="Other Corp", slug="other")
    this_year = timezone.now().year
    f.release(company=acme, headline="Acme dividend", category=PressRelease.Category.DIVIDEND)
    f.release(company=acme, headline="Acme earnings", category=PressRelease.Category.EARNINGS)
    f.release(company=other, headline="Other earnings", category=PressRelease.Category.EARNINGS)
    f.release(company=acme, headline="Acme old news", published_at=timezone.now().replace(year=this_year - 3))
    url = reverse("releases:release-list")

    html = page(client, f"{url}?company=acme&category=earnings")
    assert "Acme earnings" in html
    assert "Acme dividend" not in html and "Other earnings" not in html
    # The form shows what was chosen, and only that.
    assert '<option value="acme" selected>Acme Corp</option>' in html and '<option value="other">' in html
    assert '<option value="earnings" selected>Earnings</option>' in html
    assert html.count(" selected>") - html.count('<option value="" selected>') == 2  # the year is "All"

    html = page(client, f"{url}?year={this_year - 3}")
    assert "Acme old news" in html and "Acme earnings" not in html
    assert "1 release matches your filters" in html


def test_archive_company_filter_escapes_company_names(client):
    f.release(company=f.company(name='Smith & Sons <"Holdings">', slug="smith-sons"), headline="Smith news")
    html = page(client, reverse("releases:release-list") + "?company=smith-sons")
    assert '<option value="smith-sons" selected>Smith &amp; Sons &lt;&quot;Holdings&quot;&gt;</option>' in html
    assert '<"Holdings">' not in html


def test_archive_explains_a_bad_filter_and_still_lists(client):
    f.release(headline="Still listed")
    html = page(client, reverse("releases:release-list") + "?year=banana&company=nope")
    assert "Select a valid choice" in html
    assert "Still listed" in html


def test_search_matches_headline_and_body_words(client):
    f.release(headline="Northwind opens a plant in Ohio", body="<p>Capacity doubles.</p>")
    f.release(headline="Unrelated news", body="<p>The Ohio plant supplies Northwind.</p>")
    f.release(headline="Something else", body="<p>Nothing here.</p>")
    html = page(client, reverse("releases:release-list") + "?q=ohio+northwind")
    assert "Northwind opens a plant in Ohio" in html and "Unrelated news" in html
    assert "Something else" not in html


def test_search_does_not_find_embargoed_or_draft_releases(client, world):
    html = page(client, reverse("releases:release-list") + "?q=Contoso")
    assert "0 releases" in html
    html = page(client, reverse("releases:release-list") + "?q=Dividend")
    assert world.draft.headline not in html


def test_year_and_company_choices_come_only_from_published_releases(client):
    hidden_owner = f.company(name="Stealth Target Inc.", slug="stealth")
    f.draft(company=hidden_owner)
    f.embargoed(company=hidden_owner)
    f.release(headline="Visible")
    html = page(client, reverse("releases:release-list"))
    assert "Stealth Target" not in html
    # Asked for by its slug, the company is an invalid choice: not named, not filtered on.
    response = client.get(reverse("releases:release-list"), {"company": "stealth"})
    assert response.context["form"].errors["company"]
    html = response.content.decode()
    assert "Stealth Target" not in html and "/feeds/companies/stealth" not in html
    assert "Visible" in html


def test_archive_pages_ignore_parameters_that_are_not_filters(client):
    f.release(headline="Visible")
    html = page(client, reverse("releases:release-list") + "?utm_source=mail&category=earnings")
    assert "utm_source" not in html  # not carried into the page's own links
    cached = set(caches["pages"]._cache)  # noqa: SLF001 (local memory)
    again = page(client, reverse("releases:release-list") + "?category=earnings&fbclid=x&utm_source=other")
    assert set(caches["pages"]._cache) == cached and again == html  # the same page, the same entry


def test_release_page_shows_its_parts(client, world):
    release = world.published
    release.subheadline = "Revenue up 12%"
    release.dateline_location = "WALTHAM, Mass."
    release.wire = "Business Wire"
    release.about = "Northwind makes instruments."
    release.published_at = timezone.now().replace(second=0, microsecond=0) - timedelta(hours=1)
    release.save()
    html = page(client, release.get_absolute_url())
    local = timezone.localtime(release.published_at)
    assert release.headline in html and "Revenue up 12%" in html and "Dateline: WALTHAM, Mass." in html
    label = release_time_label(release.published_at)
    assert label.endswith(local.tzname()) and f"{local:%-I}:{local:%M}" in label
    assert f'datetime="{release.published_at.isoformat()}">{label}</time>' in html
    assert "About Northwind Holdings, Inc." in html and "Northwind makes instruments." in html
    assert "Avery Quinn" in html and 'href="tel:+17818950600"' in html
    # The call box: start as announced, tel: links, passcode, webcast, replay, calendar.
    call = world.public_call
    assert f'datetime="{call.starts_at.astimezone(call.zone).isoformat()}"' in html
    assert call.local_starts_at.tzname() in html
    assert 'href="tel:+18005550199"' in html and "7751636" in html
    assert 'href="https://events.example.com/northwind"' in html
    assert "719-457-0820" in html
    assert reverse("releases:event-ics", kwargs={"pk": call.pk}) in html
    assert '"@type": "NewsArticle"' in html


def test_release_body_html_is_rendered_as_html(client):
    release = f.release(body="<p>Revenue was <strong>$12 million</strong>.</p>")
    assert "<strong>$12 million</strong>" in page(client, release.get_absolute_url())


def test_headline_cannot_close_the_json_ld_script(client):
    release = f.release(headline="Evil </script><script>alert(1)</script>")
    html = page(client, release.get_absolute_url())
    ld = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "\\u003C/script\\u003E" in ld
    assert "<script>alert(1)" not in html


HOSTILE = '"><img src=x onerror=alert(1)></script><script>alert(2)</script>'


@pytest.fixture
def hostile_release():
    owner = f.company(name=f"Evil {HOSTILE} Corp.", slug="evil", about=f"About {HOSTILE}")
    release = f.release(company=owner, headline=f"Headline {HOSTILE}", subheadline=f"Deck {HOSTILE}",
                        about=f"About {HOSTILE}", slug="evil-release")
    f.contact(owner, name=f"Jane {HOSTILE}", title=f"Title {HOSTILE}").releases.add(release)
    call = f.call(release=release, title=f"Call {HOSTILE}", passcode="1234")
    f.dial_in(call, label=f"Label {HOSTILE}")
    return release


HOSTILE_SURFACES = [
    ("home", lambda r: reverse("releases:home")),
    ("archive", lambda r: reverse("releases:release-list") + "?q=Headline"),
    ("release", lambda r: r.get_absolute_url()),
    ("events", lambda r: reverse("releases:event-list")),
    ("event", lambda r: r.calls.get().get_absolute_url()),
    ("companies", lambda r: reverse("releases:company-list")),
    ("company", lambda r: r.company.get_absolute_url()),
    ("rss", lambda r: reverse("releases:feed-rss")),
    ("atom", lambda r: reverse("releases:company-feed-atom", kwargs={"slug": "evil"})),
    ("calendar", lambda r: reverse("releases:calendar-feed")),
]


@pytest.mark.parametrize("url", [u for _, u in HOSTILE_SURFACES], ids=[n for n, _ in HOSTILE_SURFACES])
def test_markup_in_stored_text_is_inert_on_every_public_surface(client, hostile_release, url):
    body = page(client, url(hostile_release))
    assert "alert(1)" in body  # the text is there, as text
    if "BEGIN:VCALENDAR" in body:  # plain text by RFC 5545: no HTML description to carry markup
        assert "X-ALT-DESC" not in body
        return
    assert "<img src=x" not in body
    assert "<script>alert" not in body


def test_release_links_previous_and_next_published_releases_only(client):
    owner = f.company()
    now = timezone.now()
    older = f.release(company=owner, headline="Older one", published_at=now - timedelta(days=3))
    middle = f.release(company=owner, headline="Middle one", published_at=now - timedelta(days=2))
    newer = f.release(company=owner, headline="Newer one", published_at=now - timedelta(days=1))
    f.embargoed(company=owner, headline="Future one")
    f.draft(company=owner, headline="Draft one")
    same_moment = f.release(headline="Same moment", published_at=middle.published_at)  # another company's
    html = page(client, middle.get_absolute_url())
    assert older.get_absolute_url() in html and same_moment.get_absolute_url() in html
    html = page(client, same_moment.get_absolute_url())
    assert middle.get_absolute_url() in html and newer.get_absolute_url() in html
    assert "Future one" not in page(client, newer.get_absolute_url())
    assert "Draft one" not in page(client, newer.get_absolute_url()) + page(client, older.get_absolute_url())


@pytest.mark.parametrize("kind", ["draft", "embargoed"])
def test_unpublished_release_is_404_for_the_public(client, world, kind):
    release = getattr(world, kind)
    page(client, release.get_absolute_url(), status=404)


def test_call_announced_in_embargoed_release_is_404(client, world):
    page(client, world.hidden_call.get_absolute_url(), status=404)
    page(client, reverse("releases:event-ics", kwargs={"pk": world.hidden_call.pk}), status=404)


def test_staff_preview_of_draft_is_marked_and_never_cached(staff_client, world):
    response = staff_client.get(world.draft.get_absolute_url())
    assert response.status_code == 200
    assert "Draft — not public" in response.content.decode()
    assert "no-cache" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_staff_preview_of_embargoed_release_names_the_time(staff_client, world):
    response = staff_client.get(world.embargoed.get_absolute_url())
    html = response.content.decode()
    assert "Embargoed until" in html
    assert timezone.localtime(world.embargoed.published_at).tzname() in html
    assert "no-store" in response["Cache-Control"]


def test_non_staff_user_gets_404_for_a_draft(client, django_user_model, world):
    client.force_login(django_user_model.objects.create_user("investor", password="x"))
    page(client, world.draft.get_absolute_url(), status=404)


def test_embargo_lifts_by_itself_at_its_time(client, world):
    url = world.embargoed.get_absolute_url()
    page(client, url, status=404)
    PressRelease.objects.filter(pk=world.embargoed.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert world.embargoed.headline in page(client, url)
    assert world.embargoed.headline in page(client, reverse("releases:home"))
    assert world.hidden_call.title in page(client, reverse("releases:event-list"))


def test_events_page_lists_upcoming_and_past_calls(client, world):
    past = f.call(company=world.company, title="Fourth quarter call of last year",
                  starts_at=timezone.now() - timedelta(days=300))
    html = page(client, reverse("releases:event-list"))
    assert world.public_call.title in html and past.title in html
    assert html.index(world.public_call.title) < html.index(past.title)
    assert reverse("releases:calendar-feed") in html


def test_event_page_has_event_json_ld_with_virtual_location(client, world):
    html = page(client, world.public_call.get_absolute_url())
    assert '"@type": "Event"' in html and '"@type": "VirtualLocation"' in html
    assert world.published.get_absolute_url() in html


def test_company_page_shows_profile_listings_contacts_releases_and_events(client, world):
    html = page(client, world.company.get_absolute_url())
    for text in ("Northwind makes instruments", "NASDAQ: NWND", "Avery Quinn", world.published.headline,
                 world.public_call.title):
        assert text in html


def test_deleting_an_embargoed_release_does_not_publish_its_call(client):
    hidden = f.company(slug="stealth")
    release = f.embargoed(company=hidden, headline="Stealth To Acquire Contoso")
    call = f.call(release=release, title="Contoso acquisition investor call")
    release.delete()
    # The call was announced only in the release: it goes with it rather than turning
    # into a public call entered by hand, which would also make the company's page public.
    assert not ConferenceCall.objects.filter(pk=call.pk).exists()
    assert "Contoso acquisition investor call" not in page(client, reverse("releases:event-list"))
    page(client, reverse("releases:company-detail", kwargs={"slug": "stealth"}), status=404)


def test_company_page_hides_contacts_only_named_in_an_unpublished_release(client, world):
    f.contact(world.company, name="Secret Banker").releases.add(world.embargoed)
    assert "Secret Banker" not in page(client, world.company.get_absolute_url())


def test_contact_left_behind_by_an_unpublished_release_stays_off_the_company_page(client, world):
    f.contact(world.company, name="Deleted Draft Banker").releases.add(world.draft)
    f.contact(world.company, name="Unlinked Embargo Lawyer").releases.add(world.embargoed)
    world.draft.delete()
    world.embargoed.contacts.clear()
    html = page(client, world.company.get_absolute_url())
    assert "Deleted Draft Banker" not in html
    assert "Unlinked Embargo Lawyer" not in html


def test_contact_entered_by_hand_for_the_company_page_is_shown(client, world):
    f.contact(world.company, name="Standing IR Desk", on_company_page=True)
    assert "Standing IR Desk" in page(client, world.company.get_absolute_url())


def test_company_with_only_unpublished_releases_is_404(client):
    hidden = f.company(slug="stealth")
    f.embargoed(company=hidden)
    page(client, reverse("releases:company-detail", kwargs={"slug": "stealth"}), status=404)


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_unknown_page_is_the_styled_404(client):
    html = page(client, "/no-such-page/", status=404)
    assert "Page not found" in html and "/static/css/site.css" in html


def test_500_page_renders_without_context_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = get_template("500.html").render()
    assert "Something went wrong" in html and "/static/css/site.css" in html


def test_an_error_in_a_view_gives_the_styled_500(client, monkeypatch):
    def broken(self, **kwargs):
        raise RuntimeError("database is on fire")

    monkeypatch.setattr(HomeView, "get_context_data", broken)
    client.raise_request_exception = False
    response = client.get(reverse("releases:home"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert "database is on fire" not in response.content.decode()


def test_pages_have_no_inline_scripts_or_styles(client, world):
    for _, url in PUBLIC_PAGES:
        html = page(client, url(world))
        assert " style=" not in html
        assert "<script>" not in html
        for chunk in html.split("<script")[1:]:
            assert chunk.lstrip().startswith(("src=", 'type="application/ld+json"')), chunk[:80]


def build_releases(count):
    owner = f.company()
    f.listing(owner)
    now = timezone.now()
    for n in range(count):
        release = f.release(company=owner, published_at=now - timedelta(hours=n + 1))
        f.contact(owner).releases.add(release)
        call = f.call(release=release, starts_at=now + timedelta(days=n + 1) if n % 2 else now - timedelta(days=n + 1))
        f.dial_in(call, f"800-555-{n:04d}")
    return owner


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


QUERY_PAGES = {
    "home": lambda owner, r: reverse("releases:home"),
    "archive": lambda owner, r: reverse("releases:release-list"),
    "search": lambda owner, r: reverse("releases:release-list") + "?q=Northwind&category=earnings",
    "release": lambda owner, r: r.get_absolute_url(),
    "events": lambda owner, r: reverse("releases:event-list"),
    "event": lambda owner, r: r.calls.first().get_absolute_url(),
    "companies": lambda owner, r: reverse("releases:company-list"),
    "company": lambda owner, r: owner.get_absolute_url(),
}


@pytest.mark.parametrize("name", QUERY_PAGES)
def test_page_makes_the_same_number_of_queries_for_3_and_30_releases(client, name):
    owner = build_releases(3)
    release = owner.releases.order_by("-published_at")[1]
    caches["pages"].clear()  # both rendered from nothing
    few = count_queries(client, QUERY_PAGES[name](owner, release))
    more = build_releases(27)
    release = more.releases.order_by("-published_at")[1]
    caches["pages"].clear()
    many = count_queries(client, QUERY_PAGES[name](more, release))
    assert few == many


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming and ranking need PostgreSQL full-text search")
def test_postgres_search_stems_words_and_ranks_headline_matches_first(client):
    now = timezone.now()
    f.release(headline="Quarterly update", body="<p>The company completed two acquisitions.</p>",
              published_at=now - timedelta(hours=1))
    f.release(headline="Northwind completes acquisition of Contoso", body="<p>Closing news.</p>",
              published_at=now - timedelta(hours=2))
    f.release(headline="Dividend declared", body="<p>Nothing else.</p>")
    html = page(client, reverse("releases:release-list") + "?q=acquisitions")
    assert html.index("Northwind completes acquisition") < html.index("Quarterly update")
    assert "Dividend declared" not in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the stored headline vector is PostgreSQL's")
def test_postgres_search_ranks_by_the_headline_as_it_stands_after_an_edit(client):
    now = timezone.now()
    first = f.release(headline="Quarterly update", body="<p>Two acquisitions closed.</p>",
                      published_at=now - timedelta(hours=1))
    f.release(headline="Acquisition of Contoso", body="<p>Closing news.</p>", published_at=now - timedelta(hours=2))
    second = f.release(headline="Acquisition of Fabrikam", body="<p>An acquisition, in other words.</p>",
                       published_at=now - timedelta(hours=3))
    url = reverse("releases:release-list") + "?q=acquisition"
    html = page(client, url)
    assert html.index("Acquisition of Contoso") < html.index("Quarterly update")
    first.headline = "Acquisitions update: acquisition of Tailspin"
    first.save()
    second.headline = "Fabrikam joins Northwind"
    second.save()
    html = page(client, url)
    assert html.index("Acquisitions update") < html.index("Acquisition of Contoso") < html.index("Fabrikam joins")


@pytest.mark.parametrize(
    "query, feed",
    [
        ("", "/feeds/releases.rss"),
        ("?category=dividend", "/feeds/categories/dividend.rss"),
        ("?company=northwind", "/feeds/companies/northwind.rss"),
    ],
    ids=["all", "category", "company"],
)
def test_archive_advertises_the_feed_of_its_filter(client, world, query, feed):
    html = page(client, reverse("releases:release-list") + query)
    assert '<link rel="alternate" type="application/rss+xml"' in html and f'href="{feed}"' in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN search index exists on PostgreSQL only")
def test_postgres_search_filters_through_the_gin_index():
    # Over all rows (no published_at condition, which another index could serve) and with
    # sequential scans off, as a handful of test rows would otherwise be read in full.
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            plan = search_releases(PressRelease.objects.all(), "dividend").explain()
        finally:
            cursor.execute("SET enable_seqscan = on")
    assert "release_search_idx" in plan


def test_archive_year_choices_span_the_published_releases_in_the_sites_zone(client):
    new_york = ZoneInfo("America/New_York")
    f.release(published_at=datetime(2023, 6, 1, 12, tzinfo=new_york))
    # 03:00 UTC on New Year's Day is still 2020 in New York.
    f.release(published_at=datetime(2021, 1, 1, 3, tzinfo=ZoneInfo("UTC")))
    f.embargoed()
    html = page(client, reverse("releases:release-list"))
    year_select = html[html.index('<select name="year"') : html.index("</select>", html.index('<select name="year"'))]
    # From the newest to the oldest published release; the embargoed one's year is not offered.
    assert re.findall(r'<option value="([^"]*)"', year_select) == ["", "2023", "2022", "2021", "2020"]
    for outside in ("2019", "2024"):
        assert client.get(reverse("releases:release-list"), {"year": outside}).context["form"].errors["year"]
    assert "0 releases match" in page(client, reverse("releases:release-list") + "?year=2022")


def test_favicon_ico_leads_to_the_site_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")


def test_the_header_marks_the_current_section_on_each_page(client, world):
    sections = {
        reverse("releases:release-list"): "Press releases",
        world.published.get_absolute_url(): "Press releases",
        reverse("releases:event-list"): "Events",
        reverse("releases:company-list"): "Companies",
        reverse("releases:home"): None,
    }
    for url, current in sections.items():
        html = page(client, url)
        marked = re.findall(r'<a href="[^"]*" aria-current="page">([^<]*)</a>', html)
        assert marked == ([current] if current else []), url


def test_a_company_with_only_a_call_entered_by_hand_is_public_everywhere_a_company_is(client):
    owner = f.company(name="Fabrikam Energy ASA", slug="fabrikam")
    f.call(company=owner, release=None, title="Capital markets day")
    assert "Fabrikam Energy ASA" in page(client, owner.get_absolute_url())
    assert "Fabrikam Energy ASA" in page(client, reverse("releases:company-list"))
    assert owner.get_absolute_url() in page(client, reverse("sitemap"))
    for name in ("releases:company-feed-rss", "releases:company-feed-atom", "releases:company-calendar-feed"):
        assert client.get(reverse(name, kwargs={"slug": owner.slug})).status_code == 200, name


def test_a_company_known_only_from_an_unpublished_release_is_public_nowhere(client):
    owner = f.company(name="Stealth Target Inc.", slug="stealth")
    f.draft(company=owner)
    f.embargoed(company=owner)
    assert client.get(owner.get_absolute_url()).status_code == 404
    assert "Stealth Target" not in page(client, reverse("releases:company-list"))
    assert owner.get_absolute_url() not in page(client, reverse("sitemap"))
    for name in ("releases:company-feed-rss", "releases:company-feed-atom", "releases:company-calendar-feed"):
        assert client.get(reverse(name, kwargs={"slug": owner.slug})).status_code == 404, name


def test_slugs_that_look_like_url_placeholders_get_their_own_links(client):
    owner = f.company(name="Placeholder Holdings", slug="a__slug__b")
    release = f.release(company=owner, slug="x__company__y", headline="Placeholder Holdings Reports")
    expected = reverse("releases:release-detail", kwargs={"company": "a__slug__b", "slug": "x__company__y"})
    for url in (reverse("releases:home"), reverse("releases:release-list"), reverse("releases:company-list")):
        html = page(client, url)
        assert release.headline not in html or f'href="{expected}"' in html
    assert f'href="{owner.get_absolute_url()}"' in page(client, reverse("releases:company-list"))
    assert page(client, expected)


def test_past_events_page_by_twenty_without_counting(client):
    owner = f.company(name="Contoso Power plc", slug="contoso")
    start = timezone.now() - timedelta(days=1)
    for n in range(21):
        f.call(company=owner, release=None, title=f"Past call {n:02}", starts_at=start - timedelta(days=n))
    first = page(client, reverse("releases:event-list"))
    assert "Past call 00" in first and "Past call 19" in first and "Past call 20" not in first
    assert 'href="?page=2"' in first
    second = page(client, reverse("releases:event-list") + "?page=2")
    assert "Past call 20" in second and "Past call 19" not in second and 'href="?page=3"' not in second
    for bad in ("3", "0", "x"):
        assert client.get(reverse("releases:event-list"), {"page": bad}).status_code == 404, bad
