import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


def run_settings(**env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update({"DJANGO_SETTINGS_MODULE": "irsite.settings", "DJANGO_ENV_FILE": os.devnull, **env_overrides})
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_missing_secret_key_with_debug_off_stops_start_up():
    result = run_settings(DJANGO_DEBUG="false")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_empty_secret_key_counts_as_missing():
    result = run_settings(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_secret_key_from_environment_starts():
    result = run_settings(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_debug_on_starts_without_a_secret_key():
    result = run_settings(DJANGO_DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_databases_use_djangos_own_backends_with_health_checks():
    from django.conf import settings

    database = settings.DATABASES["default"]
    assert database["ENGINE"] in ("django.db.backends.sqlite3", "django.db.backends.postgresql")
    assert database["CONN_HEALTH_CHECKS"] is True


def test_pages_and_the_sign_in_throttle_have_caches_of_their_own_and_pages_are_bounded():
    from django.conf import settings
    from django.core.cache import caches

    assert len({id(caches[name]) for name in ("default", "pages", "throttle")}) == 3
    if settings.CACHES["pages"]["BACKEND"].endswith("LocMemCache"):
        assert 0 < caches["pages"]._max_entries <= 20_000  # noqa: SLF001
