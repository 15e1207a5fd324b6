from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from releases.pagecache import public_page
from releases.sitemaps import sitemaps
from releases.views import RobotsView

admin.site.site_header = "irsite administration"
admin.site.site_title = "irsite admin"
admin.site.index_title = "Investor relations"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", public_page(sitemap), {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", RobotsView.as_view(), name="robots-txt"),
    path("", include("releases.urls")),
]
