"""The public site: home, releases archive and release, events and event, companies, robots.txt.

Every public read goes through the querysets' public rules: releases from
PressRelease.objects.published(), calls from ConferenceCall.objects.public() (upcoming(),
past()), companies from Company.objects.public(). So a draft or embargoed release, a call
announced only in one, and a company known only from one cannot reach a page. Staff may
preview an unpublished release at its own URL, marked and never cached. Whole pages are
cached for anonymous visitors where they are routed (urls.py, releases/pagecache.py).
"""

from __future__ import annotations

import json
from datetime import timedelta

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse, QueryDict
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.views.generic import DetailView, ListView, TemplateView, View

from .calendars import calendar_bytes
from .models import Company, ConferenceCall, Contact, DialIn, PressRelease, published_q
from .phones import to_e164
from .search import ReleaseFilterForm

HOME_RELEASES = 8
# The home page names the companies of the latest releases; the company list names them all.
HOME_COMPANIES = 12
COMPANIES_PER_PAGE = 60
COMPANY_RELEASES = 10
COMPANY_PAST_CALLS = 10
# A subscribed calendar carries what is coming and the last quarter's calls, not the whole
# history: calendar apps fetch it again and again.
CALENDAR_FEED_PAST = timedelta(days=92)
# What a list shows of a release (not its body).
LISTED_FIELDS = (
    "pk", "headline", "subheadline", "slug", "published_at", "category", "company__name", "company__slug",
)


def release_time_label(moment) -> str:
    """Publication time to the minute with its zone, in the site's zone: "March 4, 2025, 4:05 p.m. EST"."""
    local = timezone.localtime(moment)
    return f"{date_format(local, 'N j, Y, g:i a')} {local.tzname()}"


def call_time_label(call: ConferenceCall) -> str:
    """A call's start as its release printed it, in the call's own zone."""
    local = call.local_starts_at
    return f"{date_format(local, 'l, N j, Y, g:i a')} {local.tzname()}" if local else ""


def present_calls(calls, *, dial_ins: bool = False) -> list[ConferenceCall]:
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


def present_contacts(contacts) -> list[Contact]:
    """Attach each printed phone number with its tel: link (empty when it cannot be dialled)."""
    contacts = list(contacts)
    for contact in contacts:
        contact.phone_links = [(phone, to_e164(phone) or "") for phone in contact.phone_list]
    return contacts


def dial_ins_prefetch() -> Prefetch:
    return Prefetch("dial_ins", queryset=DialIn.objects.order_by("kind", "pk"))


def article_context(release: PressRelease) -> dict:
    """What `includes/release_article.html` shows of a release: its page, and its snapshots."""
    calls = release.calls.order_by("starts_at", "pk").prefetch_related(dial_ins_prefetch())
    return {
        "release": release,
        "calls": present_calls(calls, dial_ins=True),
        "contacts": present_contacts(release.contacts.all()),
        "listings": list(release.company.listings.all()),
        "published_label": release_time_label(release.published_at) if release.published_at else "",
    }


def json_ld(data: dict) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)


def upcoming_calls():
    """Upcoming public calls with their company and dial-ins, soonest first."""
    return ConferenceCall.objects.upcoming().select_related("company").prefetch_related(dial_ins_prefetch())


def listed_releases():
    """Published releases with what a list shows of them."""
    return PressRelease.objects.published().select_related("company").only(*LISTED_FIELDS)


class KeysFirstPaginator(Paginator):
    """Django's Paginator, reading a page's keys first, then its rows by key: an OFFSET over
    the releases joined to their companies reads every row it skips, where the keys alone come
    off the index (bench/README.md)."""

    def page(self, number):
        page = super().page(number)
        keys = list(page.object_list.values_list("pk", flat=True))
        rows = {row.pk: row for row in self.object_list.order_by().filter(pk__in=keys)}
        page.object_list = [rows[key] for key in keys if key in rows]
        return page


class HomeView(TemplateView):
    template_name = "releases/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest = list(listed_releases()[:HOME_RELEASES])
        context.update(
            latest_releases=latest,
            next_call=next(iter(present_calls(upcoming_calls()[:1], dial_ins=True)), None),
            companies=self.active_companies(),
        )
        return context

    def active_companies(self) -> list[Company]:
        """The public companies with the latest releases, most recent first."""
        recent = listed_releases().values_list("company_id", flat=True)[: HOME_COMPANIES * 5]
        order = list(dict.fromkeys(recent))[:HOME_COMPANIES]
        companies = Company.objects.filter(pk__in=order).only("name", "slug").prefetch_related("listings")
        found = {company.pk: company for company in companies}
        return [found[pk] for pk in order]


class ReleaseListView(ListView):
    template_name = "releases/pressrelease_list.html"
    paginate_by = 20
    paginator_class = KeysFirstPaginator
    context_object_name = "releases"

    def get_queryset(self):
        self.form = ReleaseFilterForm(self.request.GET or None)
        if self.form.is_bound:
            self.form.is_valid()
        return self.form.filter(listed_releases())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Page links keep the filters (and nothing else); the page number is added by the template.
        query = QueryDict(mutable=True)
        for name in self.form.fields:
            if values := self.request.GET.getlist(name):
                query.setlist(name, values)
        context.update(form=self.form, filter_query=query.urlencode(), feeds=self.feeds())
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


class ReleaseDetailView(DetailView):
    context_object_name = "release"

    def get_queryset(self):
        # Staff with the view permission see drafts and embargoed releases (marked, never
        # cached); everyone else sees only what is published, and gets 404 for the rest.
        releases = PressRelease.objects.all() if can_preview(self.request.user) else PressRelease.objects.published()
        return releases.select_related("company").filter(company__slug=self.kwargs["company"])

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.object.is_published:
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        release = self.object
        context.update(article_context(release))
        # A preview of an unpublished release shows no neighbours.
        previous, following = PressRelease.objects.neighbours(release) if release.is_published else (None, None)
        context.update(
            previous_release=previous,
            next_release=following,
            json_ld=json_ld(self.news_article(release)),
            canonical_url=self.request.build_absolute_uri(release.get_absolute_url()),
        )
        return context

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


class EventListView(TemplateView):
    """Upcoming calls in full, then past calls, newest first, a page at a time. The pages are
    not counted: counting every past call checks each one's release, which costs more than
    the rest of the page (bench/README.md), so a page reads one call more than it shows, to
    know whether another follows."""

    template_name = "releases/conferencecall_list.html"
    per_page = 20

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        number = self.page_number()
        start = (number - 1) * self.per_page
        past = list(ConferenceCall.objects.past().select_related("company")[start : start + self.per_page + 1])
        if number > 1 and not past:
            raise Http404("No such page of past events.")
        context.update(
            past_calls=present_calls(past[: self.per_page]),
            upcoming_calls=present_calls(upcoming_calls(), dial_ins=True),
            page_number=number,
            has_older=len(past) > self.per_page,
        )
        return context

    def page_number(self) -> int:
        try:
            number = int(self.request.GET.get("page", "1"))
        except ValueError:
            raise Http404("No such page of past events.") from None
        if number < 1:
            raise Http404("No such page of past events.")
        return number


class EventDetailView(DetailView):
    context_object_name = "call"

    def get_queryset(self):
        return (
            ConferenceCall.objects.public()
            .select_related("company", "release")
            .prefetch_related(dial_ins_prefetch(), "company__listings")
        )

    def get_object(self, queryset=None):
        return present_calls([super().get_object(queryset)], dial_ins=True)[0]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["json_ld"] = json_ld(self.event(self.object))
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


class CompanyListView(ListView):
    context_object_name = "companies"
    paginate_by = COMPANIES_PER_PAGE

    def get_queryset(self):
        return Company.objects.public().only("name", "slug", "headquarters").prefetch_related("listings").order_by("name")


class CompanyDetailView(DetailView):
    context_object_name = "company"

    def get_queryset(self):
        return Company.objects.public().prefetch_related("listings")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        company = self.object
        upcoming = upcoming_calls().filter(company=company)
        past = ConferenceCall.objects.past().filter(company=company)[:COMPANY_PAST_CALLS]
        context.update(
            releases=listed_releases().filter(company=company)[:COMPANY_RELEASES],
            upcoming_calls=present_calls(upcoming, dial_ins=True),
            past_calls=present_calls(past),
            contacts=present_contacts(self.public_contacts(company)),
            archive_url=f"{reverse('releases:release-list')}?company={company.slug}",
        )
        return context

    def public_contacts(self, company: Company):
        """A company's contacts printed in a published release, or marked for its page by staff.
        A contact with no release is not enough: deleting a draft, or taking a contact out of
        one, leaves such a contact behind."""
        return (
            Contact.objects.filter(company=company)
            .filter(Q(on_company_page=True) | published_q("releases__"))
            .distinct()
        )


class CalendarView(View):
    """iCalendar responses. A subscribed feed shows inline; a single call downloads."""

    filename = ""

    def calendar_response(self, calls, *, name: str) -> HttpResponse:
        body = calendar_bytes(
            calls.select_related("company").prefetch_related(dial_ins_prefetch()),
            name=name,
            uid=self.request.build_absolute_uri(self.request.path),
            site_url=f"{self.request.scheme}://{self.request.get_host()}",
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        if self.filename:
            response["Content-Disposition"] = f'attachment; filename="{self.filename}"'
        return response

    def feed_calls(self):
        """Every public call since the feed's start, latest first."""
        since = timezone.now() - CALENDAR_FEED_PAST
        return ConferenceCall.objects.public().filter(starts_at__gte=since).order_by("-starts_at", "-pk")


class EventCalendarView(CalendarView):
    def get(self, request, pk):
        calls = ConferenceCall.objects.public().filter(pk=pk, starts_at__isnull=False)
        call = get_object_or_404(calls.select_related("company"))
        self.filename = f"{call.company.slug}-call-{call.pk}.ics"
        return self.calendar_response(calls, name=str(call))


class CalendarFeedView(CalendarView):
    def get(self, request):
        return self.calendar_response(self.feed_calls(), name="Investor events")


class CompanyCalendarFeedView(CalendarView):
    def get(self, request, slug):
        company = get_object_or_404(Company.objects.public(), slug=slug)
        return self.calendar_response(
            self.feed_calls().filter(company=company), name=f"{company.name}: investor events"
        )


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"
