"""The public site: home, releases archive and release, events and event, companies, robots.txt.

Every public read goes through PublicMixin, which takes releases from
PressRelease.objects.published() and calls from ConferenceCall.objects.public(), so a
draft or embargoed release, and a call announced only in one, cannot reach a page.
Staff may preview an unpublished release at its own URL, marked and never cached.
"""

from __future__ import annotations

import functools
import hashlib
import json
from datetime import timedelta

from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject
from django.utils.http import quote_etag
from django.views.generic import DetailView, ListView, TemplateView, View

from .calendars import calendar_bytes
from .context_processors import asset_urls
from .fragments import (
    cached_row,
    company_page_key,
    parts_key,
    rows_key,
    shared_count,
    shared_head,
    shared_key,
    text_digest,
    version_key,
)
from .models import Company, ConferenceCall, Contact, DialIn, Listing, PressRelease, published_q
from .paginators import DeferredJoinPaginator, by_key
from .phones import to_e164
from .search import ReleaseFilterForm

HOME_RELEASES = 8
COMPANY_RELEASES = 10
COMPANY_PAST_CALLS = 10
# A search keeps its first pages' keys per generation: 25 pages of 20, about 15 KB cached.
SEARCH_HEAD = 500
# A subscribed calendar carries what is coming and the last quarter's calls, not the whole
# history: every event costs milliseconds to write, and calendar apps fetch it again and again.
CALENDAR_FEED_PAST = timedelta(days=92)


def release_time_label(moment) -> str:
    """Publication time to the minute with its zone, in the site's zone: "March 4, 2025, 4:05 p.m. EST"."""
    local = timezone.localtime(moment)
    return f"{date_format(local, 'N j, Y, g:i a')} {local.tzname()}"


def call_time_label(call: ConferenceCall) -> str:
    """A call's start as its release printed it, in the call's own zone."""
    local = call.local_starts_at
    return f"{date_format(local, 'l, N j, Y, g:i a')} {local.tzname()}" if local else ""


def present_releases(releases):
    """Attach each release's URL and date labels once, in Python, so list templates
    stay cheap (a `{% url %}` and `|date` per row dominated render time)."""
    releases = list(releases)
    placeholders = {"company": "__company__", "slug": "__slug__"}
    pattern = reverse("releases:release-detail", kwargs=placeholders)
    for release in releases:
        release.url = pattern.replace("__company__", release.company.slug).replace("__slug__", release.slug)
        local = timezone.localtime(release.published_at)
        release.date_label = date_format(local, "N j, Y")
        release.iso = local.isoformat()
    return releases


def fragment_rows(kind: str, rows, present, *, versions=None) -> dict:
    """A list for a fragment: its cache name, how many rows, and `present(rows)`, worked out
    only if the fragment is not cached. With `versions` (their (pk, updated_at), as a
    paginated page has them), `rows` are not even fetched then."""
    if versions is None:
        rows = versions = list(rows)
    return {"key": rows_key(kind, versions), "count": len(versions), "rows": SimpleLazyObject(lambda: present(rows))}


def release_rows(kind: str, releases, *, versions=None) -> dict:
    """A list of releases for the `includes/release_list.html` fragment."""
    return fragment_rows(kind, releases, present_releases, versions=versions)


def present_calls(calls, *, dial_ins: bool = False):
    """Attach URLs and labels; with `dial_ins` (prefetched), the live and replay numbers."""
    calls = list(calls)
    for call in calls:
        call.url = call.get_absolute_url()
        call.ics_url = reverse("releases:event-ics", kwargs={"pk": call.pk})
        call.time_label = call_time_label(call)
        call.iso = call.local_starts_at.isoformat() if call.starts_at else ""
        if dial_ins:
            numbers = call.dial_ins.all()
            call.live_dial_ins = [d for d in numbers if d.kind == DialIn.Kind.LIVE]
            call.replay_dial_ins = [d for d in numbers if d.kind == DialIn.Kind.REPLAY]
            call.has_replay = bool(call.replay_until or call.replay_passcode or call.replay_dial_ins)
    return calls


def present_companies(companies):
    """Attach each company's URL and "EXCHANGE: TICKER" labels (listings prefetched). The URL
    comes from one reverse() for the whole list: a reverse and a related manager per card
    were most of the home page's time with 400 companies."""
    companies = list(companies)
    placeholder = "__slug__"
    pattern = reverse("releases:company-detail", kwargs={"slug": placeholder})
    for company in companies:
        company.url = pattern.replace(placeholder, company.slug)
        company.tickers = [f"{listing.exchange}: {listing.ticker}" for listing in company.listing_rows]
    return companies


def present_contacts(contacts):
    """Attach each printed phone number with its tel: link (empty when it cannot be dialled)."""
    contacts = list(contacts)
    for contact in contacts:
        contact.phone_links = [(phone, to_e164(phone) or "") for phone in contact.phone_list]
    return contacts


def json_ld(data: dict) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)


def whole_page(request, kind: str, parts: tuple, render) -> HttpResponse:
    """The page `render()` gives, cached whole under what it shows (`parts`: its version,
    its fragments' names, the query parameters it reads), its address and the static files
    it loads: a write to anything else leaves it good, and a page-cache miss costs only what
    names the parts. Rendered every time when a part is unknown ("", as a fragment's name
    is when the generation cannot be read)."""
    if "" in parts:
        return render()
    key = parts_key(kind, *parts, request.build_absolute_uri(request.path), asset_urls())
    content = cache.get(key)
    if content is None:
        content = render().render().content
        cache.set(key, content, timeout=None)
    return HttpResponse(content)


class WholePageMixin:
    """A template view served by whole_page(), named by `page_parts` in its context."""

    def render_to_response(self, context, **response_kwargs):
        def render():
            return super(WholePageMixin, self).render_to_response(context, **response_kwargs)

        return whole_page(self.request, f"page:{type(self).__name__}", context["page_parts"], render)


class PublicMixin:
    """The only way views reach releases and calls."""

    def call_rows(self, kind: str, versions, *, dial_ins: bool = False) -> dict:
        """A list of calls for a fragment, from their (pk, updated_at), with their labels
        (and dial-ins)."""

        def present(calls):
            calls = list(calls)
            if dial_ins:
                prefetch_related_objects(calls, self.dial_ins_prefetch())
            return present_calls(calls, dial_ins=dial_ins)

        calls = by_key(lambda keys: self.public_calls().filter(pk__in=keys), versions)
        return fragment_rows(kind, calls, present, versions=versions)

    def listed_by_key(self, keys):
        return self.listed_releases().filter(pk__in=keys)

    def published_releases(self):
        return PressRelease.objects.published().select_related("company")

    def listed_releases(self):
        """Published releases with what a list shows of them (not their bodies)."""
        return self.listed(self.published_releases())

    def listed(self, releases):
        return releases.only(
            "pk", "headline", "subheadline", "slug", "published_at", "updated_at", "category", "company__name",
            "company__slug",
        )

    def public_calls(self):
        return ConferenceCall.objects.public().select_related("company")

    def upcoming_calls(self):
        return ConferenceCall.objects.upcoming().select_related("company")

    def past_calls(self):
        return ConferenceCall.objects.past().select_related("company")

    def public_companies(self):
        """Companies with a published release, by name, their listings loaded."""
        return (
            # EXISTS probes the (company, published_at) index once per company; IN (SELECT ...)
            # read every published release (20 ms of the home page on SQLite).
            Company.objects.filter(Exists(self.published_releases().filter(company=OuterRef("pk"))))
            .prefetch_related(
                Prefetch(
                    "listings",
                    queryset=Listing.objects.only("company_id", "exchange", "ticker"),
                    to_attr="listing_rows",
                )
            )
            .order_by("name")
        )

    def public_contacts(self, company: Company):
        """A company's contacts printed in a published release, or marked for its page by staff.
        A contact with no release is not enough: deleting a draft, or taking a contact out of
        one, leaves such a contact behind."""
        return (
            Contact.objects.filter(company=company)
            .filter(Q(on_company_page=True) | published_q("releases__"))
            .distinct()
        )

    def visible_company(self, slug: str) -> Company:
        """The company at `slug`, once it has a published release or a public call; a
        company created by a draft upload stays unseen, so its name cannot leak an embargo."""
        version = Company.objects.public_version(slug)
        if version is None:
            raise Http404("No such company.")
        try:
            return cached_row("company-row", version, lambda: Company.objects.get(pk=version[0]))
        except Company.DoesNotExist:  # deleted since
            raise Http404("No such company.") from None

    def dial_ins_prefetch(self):
        return Prefetch("dial_ins", queryset=DialIn.objects.order_by("kind", "pk"))


class HomeView(WholePageMixin, PublicMixin, TemplateView):
    template_name = "releases/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest = PressRelease.objects.published_versions(0, HOME_RELEASES)
        latest = release_rows("home-latest", by_key(self.listed_by_key, latest), versions=latest)
        next_call = self.call_rows(
            "home-next-call", ConferenceCall.objects.public_versions(upcoming=True, stop=1), dial_ins=True
        )
        companies_key = shared_key("home-companies")
        context.update(
            latest_releases=latest,
            next_call=next_call,
            # Every company with a published release: read only when the list is not cached.
            companies=SimpleLazyObject(lambda: present_companies(self.public_companies().only("name", "slug"))),
            companies_key=companies_key,
            page_parts=(latest["key"], next_call["key"], companies_key),
        )
        return context


class ReleaseListView(WholePageMixin, PublicMixin, ListView):
    template_name = "releases/pressrelease_list.html"
    paginate_by = 20
    paginator_class = DeferredJoinPaginator
    context_object_name = "releases"

    def get_queryset(self):
        """A function that builds the list's queryset (DeferredJoinPaginator): a page read
        with a known count from a hand-written statement, or from a search's cached keys,
        never builds it."""
        published = self.published_releases()
        self.form = ReleaseFilterForm(self.request.GET or None, published=published)
        if self.form.is_bound:
            self.form.is_valid()
        return lambda: self.listed(self.form.filter(published))

    def get_paginator(self, queryset, per_page, **kwargs):
        # A page's rows are fetched by key, published ones only, without the search that
        # chose them.
        name = text_digest(self.form.cache_name())
        if self.form.has_words:
            # A search: how many match, and the first pages' keys, are worked out once per
            # search and generation (the full-text match and sort of a common word cost a
            # few ms), so paging through the results, or the same search again, reads
            # nothing. Pages further on ask the ORM.
            count, head = shared_head(f"archive-hits:{name}", queryset, SEARCH_HEAD) or (None, ())
            versions = None
        else:
            # How many releases a filter selects, once per filter and generation; a page's
            # keys from a hand-written statement (see published_versions).
            count, head = shared_count(f"archive-count:{name}", queryset), ()
            versions = functools.partial(PressRelease.objects.published_versions, **self.form.filters())
        return super().get_paginator(
            queryset, per_page, rows=self.listed_by_key, count=count, versions=versions, head=head, **kwargs
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        releases = release_rows("archive-page", page.object_list, versions=page.versions)
        # Page links keep the filters; the page number is added by the template.
        # The form's own fields only: other parameters change nothing on the page, and would
        # each name new fragments.
        query = QueryDict(mutable=True)
        for name in self.form.fields:
            if values := self.request.GET.getlist(name):
                query.setlist(name, values)
        # The form as filled in, with its choices; the page is made of the form, the count,
        # the page's rows, its links and its feeds. Both stay good across writes that change
        # none of those, as after a write to releases on other pages.
        form_key = parts_key("archive-form", self.form.choices_digest, query.urlencode())
        feeds = self.feeds()
        context.update(
            releases=releases,
            form=self.form,
            form_key=form_key,
            filter_query=query.urlencode(),
            feeds=feeds,
            page_parts=(form_key, page.paginator.count, page.number, releases["key"], feeds),
        )
        return context

    def feeds(self) -> list[tuple[str, str, str]]:
        """(title, type, url) of the feeds matching the current filter, for <link rel="alternate">."""
        data = self.form.cleaned_data if self.form.is_bound else {}
        if company := data.get("company"):
            name, kwargs, prefix = company.name, {"slug": company.slug}, "company-feed"
        elif category := data.get("category"):
            name, kwargs, prefix = PressRelease.Category(category).label, {"category": category}, "category-feed"
        else:
            name, kwargs, prefix = "All", {}, "feed"
        return [
            (f"{name} press releases ({label})", mime, reverse(f"releases:{prefix}-{suffix}", kwargs=kwargs))
            for label, mime, suffix in (("RSS", "application/rss+xml", "rss"), ("Atom", "application/atom+xml", "atom"))
        ]


def can_preview(user) -> bool:
    """Staff who may view releases in the admin see drafts and embargoed releases at their URL."""
    return user.is_staff and user.has_perm("releases.view_pressrelease")


class ReleaseDetailView(PublicMixin, DetailView):
    context_object_name = "release"

    def get_object(self, queryset=None):
        # Staff with the view permission see drafts and embargoed releases (marked, never cached); everyone else
        # sees only what is published, and gets 404 for the rest.
        company, slug = self.kwargs["company"], self.kwargs["slug"]
        try:
            if can_preview(self.request.user):
                return PressRelease.objects.select_related("company").get(company__slug=company, slug=slug)
            if self.page is not None:
                version = self.page.version
                return cached_row("release-row", version, lambda: self.published_releases().get(pk=version[0]))
        except PressRelease.DoesNotExist:  # or unpublished since
            pass
        raise Http404("No published release at this address.")

    def get(self, request, *args, **kwargs):
        self.page = PressRelease.objects.published_page_at(self.kwargs["company"], self.kwargs["slug"])
        if can_preview(request.user):
            response = super().get(request, *args, **kwargs)
            add_never_cache_headers(response)
            return response
        if self.page is None:
            raise Http404("No published release at this address.")
        # Named by the release's version and its neighbours: on a page-cache miss, the page
        # is one statement and one cache read.
        return whole_page(request, "page:release", (self.page,), lambda: super(ReleaseDetailView, self).get(
            request, *args, **kwargs
        ))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        release = self.object
        context.update(
            # Read only when the article is rendered, not when it comes from the cache.
            calls=SimpleLazyObject(lambda: self.release_calls(release)),
            contacts=SimpleLazyObject(lambda: present_contacts(release.contacts.all())),
            listings=SimpleLazyObject(lambda: list(release.company.listings.all())),
            # A published release's article is cached per version; a preview never is.
            article_key=version_key("release-article", release.pk, release.updated_at) if release.is_published else "",
            published_label=release_time_label(release.published_at) if release.published_at else "",
            # A preview of an unpublished release shows no neighbours.
            previous_release=self.page.previous if self.page else None,
            next_release=self.page.next if self.page else None,
            json_ld=json_ld(self.news_article(release)),
            canonical_url=self.request.build_absolute_uri(release.get_absolute_url()),
        )
        return context

    def release_calls(self, release: PressRelease) -> list[ConferenceCall]:
        calls = release.calls.order_by("starts_at", "pk").prefetch_related(self.dial_ins_prefetch())
        return present_calls(calls, dial_ins=True)

    def news_article(self, release: PressRelease) -> dict:
        company = release.company
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": release.headline[:110],
            "url": self.request.build_absolute_uri(release.get_absolute_url()),
            "mainEntityOfPage": self.request.build_absolute_uri(release.get_absolute_url()),
            "publisher": {"@type": "Organization", "name": company.name},
            "author": {"@type": "Organization", "name": company.name},
        }
        if company.website:
            data["publisher"]["url"] = company.website
        if release.subheadline:
            data["alternativeHeadline"] = release.subheadline
        if release.published_at:
            data["datePublished"] = release.published_at.isoformat()
        data["dateModified"] = release.updated_at.isoformat()
        if release.dateline_location:
            data["dateline"] = release.dateline_location
        return data


class EventListView(WholePageMixin, PublicMixin, ListView):
    """Upcoming calls in full, then past calls, newest first, paginated."""

    template_name = "releases/conferencecall_list.html"
    paginate_by = 20
    paginator_class = DeferredJoinPaginator
    context_object_name = "past_calls"

    def get_queryset(self):
        return self.past_calls  # built only if used (DeferredJoinPaginator)

    def get_paginator(self, queryset, per_page, **kwargs):
        # Counting the past calls joins each to its release (a few ms with thousands); the
        # count changes only with a write or when a call starts, as the generation does.
        count = shared_count("past-call-count", queryset)
        versions = functools.partial(ConferenceCall.objects.public_versions, upcoming=False)
        return super().get_paginator(queryset, per_page, count=count, versions=versions, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        past = self.call_rows("events-past", page.versions)
        upcoming = ConferenceCall.objects.public_versions(upcoming=True)
        upcoming = self.call_rows("events-upcoming", upcoming, dial_ins=True)
        context.update(
            past_calls=past,
            upcoming_calls=upcoming,
            page_parts=(upcoming["key"], past["key"], page.paginator.count, page.number),
        )
        return context


class EventDetailView(PublicMixin, DetailView):
    context_object_name = "call"

    def get_queryset(self):
        return self.public_calls().select_related("release").prefetch_related(
            self.dial_ins_prefetch(), "company__listings"
        )

    def get_object(self, queryset=None):
        call = super().get_object(queryset)
        return present_calls([call], dial_ins=True)[0]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        call = self.object
        context["json_ld"] = json_ld(self.event(call))
        context["now"] = timezone.now()
        return context

    def event(self, call: ConferenceCall) -> dict:
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": call.title,
            "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled",
            "organizer": {"@type": "Organization", "name": call.company.name},
            "url": self.request.build_absolute_uri(call.get_absolute_url()),
        }
        if call.starts_at:
            data["startDate"] = call.local_starts_at.isoformat()
        if call.webcast_url:
            data["location"] = {"@type": "VirtualLocation", "url": call.webcast_url}
        if call.company.website:
            data["organizer"]["url"] = call.company.website
        return data


class CompanyListView(PublicMixin, ListView):
    context_object_name = "companies"

    def get_queryset(self):
        return self.public_companies().only("name", "slug", "headquarters")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["companies"] = present_companies(context["object_list"])
        return context


class CompanyDetailView(WholePageMixin, PublicMixin, DetailView):
    context_object_name = "company"

    def get_object(self, queryset=None):
        return self.visible_company(self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        company = self.object
        context.update(
            # The page, cached while the company's version (which moves with its releases,
            # calls and contacts) and the next embargo lift or call start stand.
            page_parts=(company_page_key(company),),
            releases=SimpleLazyObject(
                lambda: release_rows(
                    "company-latest", self.listed_releases().filter(company=company)[:COMPANY_RELEASES]
                )
            ),
            upcoming_calls=SimpleLazyObject(
                lambda: present_calls(
                    self.upcoming_calls().filter(company=company).prefetch_related(self.dial_ins_prefetch()),
                    dial_ins=True,
                )
            ),
            past_calls=SimpleLazyObject(
                lambda: present_calls(self.past_calls().filter(company=company)[:COMPANY_PAST_CALLS])
            ),
            contacts=SimpleLazyObject(lambda: present_contacts(self.public_contacts(company))),
            archive_url=f"{reverse('releases:release-list')}?company={company.slug}",
        )
        return context


class CalendarMixin(PublicMixin):
    """iCalendar responses. A subscribed feed shows inline; a single call downloads."""

    filename = ""

    def feed_calls(self):
        return self.public_calls().filter(starts_at__gte=timezone.now() - CALENDAR_FEED_PAST)

    def calendar_response(self, calls, *, name: str, versions=None) -> HttpResponse:
        """The calendar of the calls `calls()` gives (a queryset, built only when needed),
        whose (pk, updated_at) are `versions` when known."""
        uid = self.request.build_absolute_uri(self.request.path)
        site_url = f"{self.request.scheme}://{self.request.get_host()}"
        # The whole calendar, cached under its calls' versions (which move with their
        # company and dial-ins) and what names it: a miss reads one list of keys.
        naming = f"{name}\n{uid}\n{site_url}"
        if versions is None:
            versions = list(calls().values_list("pk", "updated_at"))
        key = f"{rows_key('calendar', versions)}:{text_digest(naming)}"
        stored = cache.get(key)
        if stored is None:
            rows = by_key(lambda keys: calls().filter(pk__in=keys).select_related("company"), versions)
            body = calendar_bytes(rows, name=name, uid=uid, site_url=site_url)
            # Its ETag too, as conditional_page would otherwise hash 100 KB on every request.
            stored = (body, quote_etag(hashlib.md5(body, usedforsecurity=False).hexdigest()))
            cache.set(key, stored, timeout=None)
        body, etag = stored
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["ETag"] = etag
        if self.filename:
            response["Content-Disposition"] = f'attachment; filename="{self.filename}"'
        return response


class EventCalendarView(CalendarMixin, View):
    def get(self, request, pk):
        call = get_object_or_404(self.public_calls().filter(starts_at__isnull=False), pk=pk)
        self.filename = f"{call.company.slug}-call-{call.pk}.ics"
        return self.calendar_response(lambda: self.public_calls().filter(pk=call.pk), name=str(call))


class CalendarFeedView(CalendarMixin, View):
    def get(self, request):
        # Every public call since the feed's start, from a hand-written statement; latest
        # first, as the model orders calls.
        since = timezone.now() - CALENDAR_FEED_PAST
        versions = ConferenceCall.objects.public_versions(upcoming=True, since=since)[::-1]
        return self.calendar_response(self.public_calls, name="Investor events", versions=versions)


class CompanyCalendarFeedView(CalendarMixin, View):
    def get(self, request, slug):
        company = self.visible_company(slug)
        return self.calendar_response(
            lambda: self.feed_calls().filter(company=company), name=f"{company.name}: investor events"
        )


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"
