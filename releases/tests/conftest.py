"""Shared fixtures: uploaded files go to a temporary MEDIA_ROOT; users and clients for the admin."""

from pathlib import Path

import pytest
from django.core.cache import cache

from . import factories

CORPUS_DEV = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rolling back a test's rows sends no signal,
    so pages cached by one test would otherwise be served to the next."""
    cache.clear()


@pytest.fixture
def corpus_dev() -> Path:
    if not CORPUS_DEV.is_dir():
        pytest.skip(f"the shared corpus is not beside this checkout ({CORPUS_DEV} is absent)")
    return CORPUS_DEV


@pytest.fixture
def ir_staff(db):
    return factories.ir_staff_user()


@pytest.fixture
def staff_client(client, ir_staff):
    client.force_login(ir_staff)
    return client
