import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from irsite import throttle

BASE_DIR = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def fresh_cache_and_fast_hasher(settings):
    # Sign-in tests check many passwords; the production hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("carol", password=PASSWORD, is_staff=True, is_superuser=True)


def sign_in(client, username, password, ip="203.0.113.7"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=ip,
    )


# Headers


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/admin/login/", "/no-such-page/"], ids=["home", "admin-login", "not-found"])
def test_every_response_carries_a_strict_content_security_policy(client, url):
    policy = client.get(url).headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives == {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "frame-ancestors": "'none'",
        "form-action": "'self'",
    }
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


@pytest.mark.django_db
def test_admin_pages_carry_the_policy_when_signed_in(client, staff):
    client.force_login(staff)
    for url in ["/admin/", "/admin/auth/user/", f"/admin/auth/user/{staff.pk}/change/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "script-src 'self';" in response.headers["Content-Security-Policy"]
        assert b"<script>" not in response.content, f"inline script on {url}"
        assert b" style=" not in response.content, f"inline style on {url}"


@pytest.mark.django_db
def test_content_type_sniffing_and_referrer_leaks_are_off(client):
    response = client.get("/")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_hsts_is_sent_over_https_only(client):
    assert client.get("/", secure=True).headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "Strict-Transport-Security" not in client.get("/").headers


def test_deploy_check_is_clean_with_only_the_secret_key_and_allowed_hosts_set():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL"))}
    env.update(
        DJANGO_ENV_FILE=os.devnull,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
        DJANGO_ALLOWED_HOSTS="ir.example.com",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_is_clean_with_production_settings():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL"))}
    env.update(
        DJANGO_ENV_FILE=os.devnull,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
        DJANGO_SECURE_SSL_REDIRECT="true",
        DJANGO_ALLOWED_HOSTS="ir.example.com",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


# Sign-in throttling


@pytest.mark.django_db
@override_settings(IRSITE_LOGIN_FAILURE_LIMIT=5)
def test_five_failures_lock_the_username_even_for_the_right_password(client, staff):
    for _ in range(5):
        assert sign_in(client, "carol", "wrong").status_code == 200
    response = sign_in(client, "carol", PASSWORD)
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert int(response.headers["Retry-After"]) > 0
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@override_settings(IRSITE_LOGIN_FAILURE_LIMIT=5)
def test_four_failures_still_let_the_right_password_in(client, staff):
    for _ in range(4):
        sign_in(client, "carol", "wrong")
    response = sign_in(client, "carol", PASSWORD)
    assert response.status_code == 302
    assert response.url == "/admin/"


@pytest.mark.django_db
@override_settings(IRSITE_LOGIN_FAILURE_LIMIT=3)
def test_lockout_is_per_username_and_address(client, staff, django_user_model):
    django_user_model.objects.create_user("dave", password=PASSWORD, is_staff=True)
    for _ in range(3):
        sign_in(client, "carol", "wrong", ip="203.0.113.7")
    assert sign_in(client, "Carol", PASSWORD, ip="203.0.113.7").status_code == 429
    assert sign_in(Client(), "dave", PASSWORD, ip="203.0.113.7").status_code == 302
    assert sign_in(Client(), "carol", PASSWORD, ip="198.51.100.4").status_code == 302


@pytest.mark.django_db
@override_settings(IRSITE_LOGIN_FAILURE_LIMIT=3)
def test_a_successful_sign_in_clears_the_failures(client, staff):
    for _ in range(2):
        sign_in(client, "carol", "wrong")
    assert sign_in(client, "carol", PASSWORD).status_code == 302
    client.logout()
    for _ in range(2):
        sign_in(client, "carol", "wrong")
    assert sign_in(client, "carol", PASSWORD).status_code == 302


@pytest.mark.django_db
@override_settings(IRSITE_LOGIN_FAILURE_LIMIT=2)
def test_a_lockout_outlives_a_flood_that_culls_the_page_cache(client, staff):
    for _ in range(2):
        sign_in(client, "carol", "wrong")
    # More entries than the page cache holds (20,000): it culls, as 20,000 distinct addresses would make it.
    for start in range(0, 25_000, 5_000):
        cache.set_many({f"flood:{n}": "x" * 100 for n in range(start, start + 5_000)})
    cache.clear()
    assert sign_in(client, "carol", PASSWORD).status_code == 429
    assert throttle.seconds_locked("carol", "203.0.113.7") > 0


def test_sign_in_failures_are_counted_apart_from_the_pages():
    from django.conf import settings
    from django.core.cache import caches

    assert throttle.throttle_cache() is caches["throttle"] and caches["throttle"] is not cache
    assert settings.CACHES["throttle"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"


@pytest.mark.django_db
@override_settings(IRSITE_LOGIN_FAILURE_LIMIT=2, IRSITE_LOGIN_LOCKOUT_SECONDS=900)
def test_the_lock_lifts_after_the_lockout_period(client, staff, monkeypatch):
    for _ in range(2):
        sign_in(client, "carol", "wrong")
    assert sign_in(client, "carol", PASSWORD).status_code == 429
    later = time.time() + 901
    monkeypatch.setattr(time, "time", lambda: later)
    assert throttle.seconds_locked("carol", "203.0.113.7") == 0
    assert sign_in(client, "carol", PASSWORD).status_code == 302


@pytest.mark.django_db
@override_settings(IRSITE_LOGIN_FAILURE_LIMIT=5, IRSITE_LOGIN_ADDRESS_FAILURE_LIMIT=6)
def test_one_address_trying_many_usernames_is_locked_out(client, staff):
    for n in range(6):
        assert sign_in(client, f"guess{n}", "wrong").status_code == 200
    assert sign_in(client, "carol", PASSWORD).status_code == 429
    assert sign_in(Client(), "carol", PASSWORD, ip="198.51.100.4").status_code == 302


@pytest.mark.django_db
@override_settings(IRSITE_LOGIN_FAILURE_LIMIT=5, IRSITE_LOGIN_ADDRESS_FAILURE_LIMIT=4)
def test_signing_in_to_another_account_does_not_clear_the_address_count(client, staff, django_user_model):
    django_user_model.objects.create_user("mallory", password=PASSWORD, is_staff=True)
    for n in range(3):
        sign_in(client, f"guess{n}", "wrong")
    assert sign_in(client, "mallory", PASSWORD).status_code == 302
    client.logout()
    sign_in(client, "guess3", "wrong")
    assert sign_in(client, "carol", PASSWORD).status_code == 429


@override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"))
def test_behind_the_proxy_the_address_it_appended_is_the_client(rf):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="10.0.0.1, 198.51.100.4", REMOTE_ADDR="127.0.0.1")
    assert throttle.client_ip(request) == "198.51.100.4"


def test_without_a_proxy_forwarded_headers_are_ignored(rf):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="10.0.0.1", REMOTE_ADDR="203.0.113.7")
    assert throttle.client_ip(request) == "203.0.113.7"


# Request size and CSRF


@pytest.mark.django_db
@override_settings(IRSITE_MAX_REQUEST_BYTES=10_000)
def test_an_oversized_request_is_refused_before_it_is_read_and_the_site_keeps_serving(client, staff):
    client.force_login(staff)
    response = client.post("/admin/login/", {"blob": "x" * 20_000})
    assert response.status_code == 413
    assert "the largest accepted is 10,000 bytes" in response.content.decode()
    assert client.get("/").status_code == 200


def test_the_request_limit_leaves_room_for_the_largest_upload():
    from django.conf import settings

    assert settings.IRSITE_MAX_REQUEST_BYTES > settings.IRSITE_MAX_UPLOAD_BYTES
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE >= settings.IRSITE_MAX_UPLOAD_BYTES


@pytest.mark.django_db
def test_admin_upload_without_a_csrf_token_is_forbidden_and_parses_nothing(staff, monkeypatch):
    from releases import parsing
    from releases.models import PressRelease

    monkeypatch.setattr(parsing, "parse_within", lambda *a, **k: pytest.fail("parsed without a CSRF token"))
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    response = client.post(reverse("admin:releases_pressrelease_upload"), {"text": "Acme Announces Results"})
    assert response.status_code == 403
    assert not PressRelease.objects.exists()


@pytest.mark.django_db
def test_every_admin_form_carries_a_csrf_token(staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    for url in [
        reverse("admin:releases_pressrelease_upload"),
        reverse("admin:releases_pressrelease_add"),
        reverse("admin:releases_company_add"),
        reverse("admin:password_change"),
    ]:
        page = client.get(url).content.decode()
        forms = page.count('method="post"')
        assert forms >= 1, url
        assert page.count('name="csrfmiddlewaretoken"') >= forms, url


@pytest.mark.django_db
def test_admin_sign_in_without_a_csrf_token_is_forbidden(staff):
    client = Client(enforce_csrf_checks=True)
    response = sign_in(client, "carol", PASSWORD)
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
