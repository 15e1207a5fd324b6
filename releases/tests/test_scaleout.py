"""Two app servers (gunicorn, production settings) sharing one PostgreSQL database and one
Redis cache, as the README's "Production and scale-out" section runs them.

A release published through server A's admin appears on server B; a sign-in made on A is
valid on B; failed sign-ins counted on A lock the username on B too. Skips, saying why,
when PostgreSQL or Redis is not reachable.
"""

import http.cookiejar
import os
import random
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # starts PostgreSQL-backed gunicorns: about 15 s

BASE_DIR = Path(__file__).resolve().parents[2]
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/2"
PASSWORD = "correct horse battery staple"

SETUP = f"""
import django
django.setup()
from django.contrib.auth import get_user_model
from releases.parsing.result import CompanyInfo, Listing, ParsedRelease
from releases.services import release_create_from_upload

get_user_model().objects.create_user("carol", password={PASSWORD!r}, is_staff=True, is_superuser=True)
outcome = release_create_from_upload(
    parsed=ParsedRelease(
        headline="Northwind Holdings Reports Record Third Quarter",
        company=CompanyInfo(name="Northwind Holdings, Inc."),
        listings=(Listing(exchange="NASDAQ", ticker="NWND"),),
        body_html="<p>Revenue rose 12% to $48.2 million.</p>",
    ),
    source=b"scale-out draft",
    source_name="draft.txt",
)
print(outcome.release.pk, outcome.release.get_absolute_url())
"""


def reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def free_ports(count: int) -> list[int]:
    ports = []
    for port in random.sample(range(8101, 8200), 99):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        ports.append(port)
        if len(ports) == count:
            return ports
    pytest.skip("no two free ports in 8101-8199")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    if not reachable("127.0.0.1", 5432):
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432")
    if not reachable("127.0.0.1", 6379):
        pytest.skip("Redis is not reachable at 127.0.0.1:6379")
    psycopg = pytest.importorskip("psycopg")
    redis = pytest.importorskip("redis")
    tmp = tmp_path_factory.mktemp("scaleout")
    name = f"h5_scaleout_{uuid.uuid4().hex[:8]}"
    admin = psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    redis.Redis.from_url(REDIS_URL).flushdb()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="irsite.settings",
        DJANGO_ENV_FILE=os.devnull,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_COOKIES="false",  # plain HTTP on the loopback
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_STATIC_ROOT=str(tmp / "static"),
        DJANGO_MEDIA_ROOT=str(tmp / "media"),
        DATABASE_URL=f"{PG_SERVER}/{name}",
        CACHE_URL=REDIS_URL,
        IRSITE_LOGIN_FAILURE_LIMIT="3",
    )

    def run(*args):
        result = subprocess.run([sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return result.stdout

    servers = []
    try:
        run("manage.py", "migrate", "--noinput", "-v", "0")
        run("manage.py", "collectstatic", "--noinput", "-v", "0")
        pk, url = run("-c", SETUP).split()
        for port in free_ports(2):
            log = open(tmp / f"gunicorn-{port}.log", "w")
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "irsite.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1",
                 "--threads", "2", "--worker-class", "gthread"],
                cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
            )
            servers.append((server, f"http://127.0.0.1:{port}"))
        for server, base in servers:
            wait_until_serving(server, base)
        yield {"a": servers[0][1], "b": servers[1][1], "release_pk": pk, "release_url": url, "tmp": tmp}
    finally:
        for server, _ in servers:
            server.terminate()
            server.wait(timeout=30)
        redis.Redis.from_url(REDIS_URL).flushdb()
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def wait_until_serving(server, base):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert server.poll() is None, f"gunicorn at {base} exited"
        try:
            urllib.request.urlopen(f"{base}/robots.txt", timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"gunicorn at {base} did not answer within 30 s")


class Browser:
    """Cookies and CSRF tokens, as a person's browser keeps them, over plain urllib. Cookies
    do not tell ports apart, so both servers get the same ones: one site behind a load balancer."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )

    def get(self, url):
        return self.request(url)

    def post(self, url, data):
        token = next((c.value for c in self.cookies if c.name == "csrftoken"), "")
        return self.request(url, urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode())

    def request(self, url, data=None):
        try:
            response = self.opener.open(url, data, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        return response.status, response.read().decode(), dict(response.headers)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def sign_in(browser, base, password=PASSWORD):
    browser.get(f"{base}/admin/login/?next=/admin/")
    return browser.post(f"{base}/admin/login/?next=/admin/", {"username": "carol", "password": password, "next": "/admin/"})


def test_a_release_published_on_one_server_appears_on_the_other(cluster):
    a, b, url = cluster["a"], cluster["b"], cluster["release_url"]
    reader = Browser()
    for base in (a, b):  # both servers have seen (and could have cached) the page without it
        assert reader.get(f"{base}{url}")[0] == 404
        assert "Northwind Holdings Reports Record" not in reader.get(f"{base}/releases/")[1]

    staff = Browser()
    status, _, headers = sign_in(staff, a)
    assert status == 302 and headers["Location"] == "/admin/"
    changelist = f"{a}/admin/releases/pressrelease/"
    staff.get(changelist)
    status, _, _ = staff.post(
        changelist, {"action": "publish_now", "_selected_action": cluster["release_pk"], "index": "0",
                    "disclosure_step": "1", "confirmed": "on"}
    )
    assert status == 302

    status, page, _ = reader.get(f"{b}{url}")
    assert status == 200
    assert "Northwind Holdings Reports Record Third Quarter" in page
    assert "Northwind Holdings Reports Record" in reader.get(f"{b}/releases/")[1]
    assert "Northwind Holdings Reports Record" in reader.get(f"{b}/feeds/releases.rss")[1]


def test_a_sign_in_on_one_server_is_valid_on_the_other(cluster):
    staff = Browser()
    assert sign_in(staff, cluster["a"])[0] == 302
    status, page, _ = staff.get(f"{cluster['b']}/admin/")
    assert status == 200
    assert re.search(r"Welcome,\s*<strong>carol</strong>", page)


def test_failed_sign_ins_on_one_server_lock_the_username_on_the_other(cluster):
    attacker = Browser()
    for _ in range(3):  # IRSITE_LOGIN_FAILURE_LIMIT=3 on both servers
        assert sign_in(attacker, cluster["a"], password="wrong")[0] == 200
    status, page, headers = sign_in(attacker, cluster["b"])
    assert status == 429
    assert "Too many failed sign-in attempts" in page
    assert int(headers["Retry-After"]) > 0
