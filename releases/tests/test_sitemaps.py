"""sitemap.xml lists the public pages, published releases, public calls and companies only."""

import pytest

from . import site_factories as f

pytestmark = pytest.mark.django_db


def test_sitemap_lists_public_urls_only(client):
    world = f.world()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    for url in (world.published.get_absolute_url(), world.public_call.get_absolute_url(),
                world.company.get_absolute_url(), "/releases/", "/events/"):
        assert f"http://testserver{url}</loc>" in body
    for url in (world.embargoed.get_absolute_url(), world.draft.get_absolute_url(),
                world.hidden_call.get_absolute_url()):
        assert url not in body
