"""Public URLs. Every page is served from the pages cache to anonymous visitors
(releases.pagecache), seeing only the query parameters it reads, and answers conditional GETs
(ETag, and Last-Modified where the page has one) with 304."""

from django.urls import path
from django.views.decorators.http import conditional_page

from . import feeds, views
from .pagecache import public_page

app_name = "releases"


def page(view, *, params: tuple[str, ...] = ()):
    """A public page: cached for anonymous visitors (reading only `params` of the query string),
    answering conditional GETs."""
    view = view.as_view() if isinstance(view, type) else view
    return conditional_page(public_page(view, params=params))


ARCHIVE_PARAMS = ("q", "year", "company", "category", "page")


urlpatterns = [
    path("", page(views.HomeView), name="home"),
    path("releases/", page(views.ReleaseListView, params=ARCHIVE_PARAMS), name="release-list"),
    path("releases/<slug:company>/<slug:slug>/", page(views.ReleaseDetailView), name="release-detail"),
    path("events/", page(views.EventListView, params=("page",)), name="event-list"),
    path("events/calendar.ics", page(views.CalendarFeedView), name="calendar-feed"),
    path("events/<int:pk>/", page(views.EventDetailView), name="event-detail"),
    path("events/<int:pk>/calendar.ics", page(views.EventCalendarView), name="event-ics"),
    path("companies/", page(views.CompanyListView, params=("page",)), name="company-list"),
    path("companies/<slug:slug>/", page(views.CompanyDetailView), name="company-detail"),
    path(
        "companies/<slug:slug>/calendar.ics",
        page(views.CompanyCalendarFeedView),
        name="company-calendar-feed",
    ),
    path("feeds/releases.rss", page(feeds.ReleasesFeed()), name="feed-rss"),
    path("feeds/releases.atom", page(feeds.ReleasesAtomFeed()), name="feed-atom"),
    path("feeds/companies/<slug:slug>.rss", page(feeds.CompanyReleasesFeed()), name="company-feed-rss"),
    path("feeds/companies/<slug:slug>.atom", page(feeds.CompanyReleasesAtomFeed()), name="company-feed-atom"),
    path("feeds/categories/<slug:category>.rss", page(feeds.CategoryReleasesFeed()), name="category-feed-rss"),
    path(
        "feeds/categories/<slug:category>.atom",
        page(feeds.CategoryReleasesAtomFeed()),
        name="category-feed-atom",
    ),
]
