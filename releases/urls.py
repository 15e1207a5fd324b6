from django.urls import path
from django.views.decorators.http import conditional_page

from . import feeds, views

app_name = "releases"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("releases/", views.ReleaseListView.as_view(), name="release-list"),
    path("releases/<slug:company>/<slug:slug>/", views.ReleaseDetailView.as_view(), name="release-detail"),
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("events/calendar.ics", views.CalendarFeedView.as_view(), name="calendar-feed"),
    path("events/<int:pk>/", views.EventDetailView.as_view(), name="event-detail"),
    path("events/<int:pk>/calendar.ics", views.EventCalendarView.as_view(), name="event-ics"),
    path("companies/", views.CompanyListView.as_view(), name="company-list"),
    path("companies/<slug:slug>/", views.CompanyDetailView.as_view(), name="company-detail"),
    path("companies/<slug:slug>/calendar.ics", views.CompanyCalendarFeedView.as_view(), name="company-calendar-feed"),
    # Feeds answer conditional GETs (ETag / Last-Modified) with 304.
    path("feeds/releases.rss", conditional_page(feeds.ReleasesFeed()), name="feed-rss"),
    path("feeds/releases.atom", conditional_page(feeds.ReleasesAtomFeed()), name="feed-atom"),
    path("feeds/companies/<slug:slug>.rss", conditional_page(feeds.CompanyReleasesFeed()), name="company-feed-rss"),
    path(
        "feeds/companies/<slug:slug>.atom",
        conditional_page(feeds.CompanyReleasesAtomFeed()),
        name="company-feed-atom",
    ),
    path(
        "feeds/categories/<slug:category>.rss",
        conditional_page(feeds.CategoryReleasesFeed()),
        name="category-feed-rss",
    ),
    path(
        "feeds/categories/<slug:category>.atom",
        conditional_page(feeds.CategoryReleasesAtomFeed()),
        name="category-feed-atom",
    ),
]
