"""`links`: the public pages every template links to, as paths, and `assets`: the static
files every page loads, as URLs, in every template's context.

Links depend on nothing but the deployment's URL prefix, so they are reversed once per
prefix rather than by a `{% url %}` tag in each header, footer and list on every request
(thirteen reverses were a sixth of a release page's time). Asset URLs (hashed by the
manifest storage) are fixed for a process's life, as its static files are.
"""

from functools import cache

from django.templatetags.static import static
from django.urls import get_script_prefix, reverse

NAMES = {
    "home": "releases:home",
    "releases": "releases:release-list",
    "events": "releases:event-list",
    "companies": "releases:company-list",
    "rss": "releases:feed-rss",
    "atom": "releases:feed-atom",
    "calendar": "releases:calendar-feed",
    "sitemap": "sitemap",
    "alerts": "alerts:subscribe",
}


@cache
def links_under(prefix: str) -> dict[str, str]:
    return {key: reverse(name) for key, name in NAMES.items()}


ASSETS = {"css": "css/site.css", "icon": "favicon.svg", "localtime": "js/localtime.js"}


@cache
def asset_urls() -> dict[str, str]:
    return {key: static(path) for key, path in ASSETS.items()}


def links(request) -> dict:
    return {"links": links_under(get_script_prefix()), "assets": asset_urls()}
