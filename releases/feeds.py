"""RSS 2.0 and Atom feeds of published releases: all, per company, per category.

In: the request (and a company slug or category from the URL). Out: the latest published
releases, newest first. Each item's GUID is a tag URI built from the release's primary
key, so it stays the same when a headline, slug or the site's host changes. Conditional
GET (Last-Modified / ETag, 304) is added where the feeds are routed, in urls.py.
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import set_response_etag
from django.utils.feedgenerator import Atom1Feed

from .fragments import rows_key, text_digest
from .models import Company, PressRelease

FEED_ITEMS = 30
GUID_AUTHORITY = "irsite"


def release_guid(release: PressRelease) -> str:
    return f"tag:{GUID_AUTHORITY},2025:release-{release.pk}"


class ReleasesFeed(Feed):
    """Each feed is cached whole under what it shows (its releases' versions, its company's,
    the address it was asked at), so a page-cache miss costs a query and a cache read, and
    writing the XML (the slowest part) happens once per change."""

    title = "Press releases"
    description = "The latest press releases."

    def __call__(self, request, *args, **kwargs):
        obj = self.get_object(request, *args, **kwargs)
        key = self.cache_key(request, obj, self.versions(obj))
        if (stored := cache.get(key)) is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
            return response
        # The ETag is hashed once here, not by conditional_page on every request.
        response = set_response_etag(super().__call__(request, *args, **kwargs))
        kept = ("Content-Type", "Last-Modified", "ETag")
        headers = {name: response[name] for name in kept if response.has_header(name)}
        cache.set(key, (response.content, headers), timeout=None)
        return response

    def cache_key(self, request, obj, versions) -> str:
        owner = f"{obj.pk}:{obj.updated_at.timestamp():.6f}" if isinstance(obj, Company) else str(obj)
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        return f"{rows_key('feed', versions)}:{owner}:{text_digest(address)}"

    def versions(self, obj) -> list:
        """The (pk, updated_at) of the feed's items, which name its cache entry; for the feed of
        all releases, from a hand-written statement (see PressRelease.objects.published_versions)."""
        if obj is None:
            return PressRelease.objects.published_versions(0, FEED_ITEMS)
        return list(self.items(obj).values_list("pk", "updated_at"))

    def link(self, obj=None):
        return reverse("releases:release-list")

    def releases(self, obj):
        return PressRelease.objects.published().select_related("company")

    def items(self, obj=None):
        # Newest first in the model's own order, which the indexes follow; no bodies.
        return self.releases(obj).only(
            "headline", "subheadline", "slug", "category", "published_at", "updated_at", "company__name",
            "company__slug",
        )[:FEED_ITEMS]

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        return item.subheadline or item.headline

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return release_guid(item)

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)

    def item_author_name(self, item):
        return item.company.name

    def item_categories(self, item):
        return [item.get_category_display()]


class CompanyReleasesFeed(ReleasesFeed):
    def get_object(self, request, slug):
        company = get_object_or_404(Company, slug=slug)
        if not PressRelease.objects.published().filter(company=company).exists():
            raise Http404("This company has no published releases.")
        return company

    def title(self, obj):
        return f"{obj.name}: press releases"

    def description(self, obj):
        return f"The latest press releases from {obj.name}."

    def link(self, obj):
        return obj.get_absolute_url()

    def releases(self, obj):
        return super().releases(obj).filter(company=obj)


class CategoryReleasesFeed(ReleasesFeed):
    def get_object(self, request, category):
        if category not in PressRelease.Category.values:
            raise Http404("No such category.")
        return PressRelease.Category(category)

    def title(self, obj):
        return f"Press releases: {obj.label}"

    def description(self, obj):
        return f"The latest press releases in the category {obj.label}."

    def link(self, obj):
        return f"{reverse('releases:release-list')}?category={obj.value}"

    def releases(self, obj):
        return super().releases(obj).filter(category=obj)


class AtomMixin:
    feed_type = Atom1Feed

    def subtitle(self, obj=None):
        return self.description(obj) if callable(self.description) else self.description


class ReleasesAtomFeed(AtomMixin, ReleasesFeed):
    pass


class CompanyReleasesAtomFeed(AtomMixin, CompanyReleasesFeed):
    pass


class CategoryReleasesAtomFeed(AtomMixin, CategoryReleasesFeed):
    pass
