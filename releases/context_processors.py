"""`links`: the public pages every template links to, as paths, in every template's context.

They depend on nothing but the deployment's URL prefix, so they are reversed once per
prefix rather than by a `{% url %}` tag in each header, footer and list on every request
(thirteen reverses were a sixth of a release page's time).
"""

from functools import cache

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
}


@cache
def links_under(prefix: str) -> dict[str, str]:
    return {key: reverse(name) for key, name in NAMES.items()}


def links(request) -> dict:
    return {"links": links_under(get_script_prefix())}
