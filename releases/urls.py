"""Public URLs. Every page is served from the shared page cache to anonymous visitors
(releases.pagecache); feeds and calendars also answer conditional GETs (ETag /
Last-Modified) with 304."""

from django.urls import path
from django.views.decorators.http import conditional_page

from . import feeds, views
from .pagecache import public_page

app_name = "releases"


def page(view_class):
    return public_page(view_class.as_view())


def conditional(view):
    return conditional_page(public_page(view))


urlpatterns = [
    path("", page(views.HomeView), name="home"),
    path("releases/", page(views.ReleaseListView), name="release-list"),
    path("releases/<slug:company>/<slug:slug>/", page(views.ReleaseDetailView), name="release-detail"),
    path("events/", page(views.EventListView), name="event-list"),
    path("events/calendar.ics", conditional(views.CalendarFeedView.as_view()), name="calendar-feed"),
    path("events/<int:pk>/", page(views.EventDetailView), name="event-detail"),
    path("events/<int:pk>/calendar.ics", conditional(views.EventCalendarView.as_view()), name="event-ics"),
    path("companies/", page(views.CompanyListView), name="company-list"),
    path("companies/<slug:slug>/", page(views.CompanyDetailView), name="company-detail"),
    path(
        "companies/<slug:slug>/calendar.ics",
        conditional(views.CompanyCalendarFeedView.as_view()),
        name="company-calendar-feed",
    ),
    path("feeds/releases.rss", conditional(feeds.ReleasesFeed()), name="feed-rss"),
    path("feeds/releases.atom", conditional(feeds.ReleasesAtomFeed()), name="feed-atom"),
    path("feeds/companies/<slug:slug>.rss", conditional(feeds.CompanyReleasesFeed()), name="company-feed-rss"),
    path("feeds/companies/<slug:slug>.atom", conditional(feeds.CompanyReleasesAtomFeed()), name="company-feed-atom"),
    path("feeds/categories/<slug:category>.rss", conditional(feeds.CategoryReleasesFeed()), name="category-feed-rss"),
    path(
        "feeds/categories/<slug:category>.atom",
        conditional(feeds.CategoryReleasesAtomFeed()),
        name="category-feed-atom",
    ),
]
