"""RSS 2.0 and Atom feeds of published releases: all, per company, per category.

In: the request (and a company slug or category from the URL). Out: the latest published
releases, newest first. Each item's GUID is a tag URI built from the release's primary
key, so it stays the same when a headline, slug or the site's host changes. Conditional
GET (Last-Modified / ETag, 304) and the page cache are added where the feeds are routed, in
urls.py.
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from .models import Company, PressRelease

FEED_ITEMS = 30
GUID_AUTHORITY = "irsite"


def release_guid(release: PressRelease) -> str:
    return f"tag:{GUID_AUTHORITY},2025:release-{release.pk}"


class ReleasesFeed(Feed):
    title = "Press releases"
    description = "The latest press releases."

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
        return get_object_or_404(Company.objects.public(), slug=slug)

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
