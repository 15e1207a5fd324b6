"""Shared fixtures: uploaded files go to a temporary MEDIA_ROOT; users and clients for the
admin; headless Chromium for the browser tests."""

from pathlib import Path

import pytest

from . import factories

CORPUS_DEV = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"
CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; Playwright never downloads a browser
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


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


@pytest.fixture(scope="module")
def browser(monkeypatch_module):
    """Headless Chromium, one per test module."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    # Playwright's sync API runs an event loop in this thread; Django's ORM then refuses to
    # run unless told that this test process knows what it is doing.
    monkeypatch_module.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch
