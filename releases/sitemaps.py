"""sitemap.xml: the public pages, the published releases, the public calls and the companies
that have something public. Everything comes from the same querysets as the pages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Company, ConferenceCall, PressRelease


class PageSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["releases:home", "releases:release-list", "releases:event-list", "releases:company-list"]

    def location(self, item):
        return reverse(item)


class ReleaseSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8
    limit = 5000

    def items(self):
        # The model's own order, which the published_at index follows; no bodies.
        return (
            PressRelease.objects.published()
            .select_related("company")
            .only("slug", "published_at", "updated_at", "company__slug")
        )

    def lastmod(self, item):
        return max(item.updated_at, item.published_at)


class EventSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return ConferenceCall.objects.public().order_by("-starts_at", "-pk")

    def lastmod(self, item):
        return item.updated_at


class CompanySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Company.objects.public().order_by("name")


sitemaps = {"pages": PageSitemap, "releases": ReleaseSitemap, "events": EventSitemap, "companies": CompanySitemap}
