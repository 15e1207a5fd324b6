from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path

from releases.sitemaps import sitemaps
from releases.urls import page
from releases.views import RobotsView

admin.site.site_header = "irsite administration"
admin.site.site_title = "irsite admin"
admin.site.index_title = "Investor relations"


def favicon(request):
    """Browsers and feed readers ask for /favicon.ico whatever the page links to."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", page(sitemap, params=("p",)), {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", RobotsView.as_view(), name="robots-txt"),
    path("favicon.ico", favicon),
    path("alerts/", include("alerts.urls")),
    path("", include("releases.urls")),
]
