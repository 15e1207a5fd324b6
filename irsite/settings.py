"""Settings for irsite. Every difference between environments is an environment
variable (see .env.example); a local `.env` file is read when present."""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(env("DJANGO_ENV_FILE", default=str(BASE_DIR / ".env")))

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it in the environment (or .env) to a long random "
            "string, or set DJANGO_DEBUG=true for local development."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-debug-on"

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "releases",
    # Before django_tasks_db: its db_worker command (alerts/management/commands) is the
    # package's worker with the alerts sweep beside it.
    "alerts",
    "django_tasks",
    "django_tasks_db",
    "disclosure",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "irsite.middleware.ContentSecurityPolicyMiddleware",
    "irsite.middleware.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "irsite.middleware.LoginThrottleMiddleware",
    "disclosure.middleware.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "irsite.urls"
WSGI_APPLICATION = "irsite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "releases.context_processors.links",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; IMMEDIATE takes the write lock up
    # front, so concurrent writers wait for the busy timeout instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Server-side prepared statements: each connection parses and plans a statement it has
    # run a few times once, not on every request. Off behind a pooler that cannot keep them
    # (PgBouncer in transaction mode without max_prepared_statements).
    if env.bool("DJANGO_DB_PREPARED_STATEMENTS", default=True):
        DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=2)

CACHES = {
    # Local memory by default, one per process; CACHE_URL (e.g. Redis) to share it. It holds the
    # calendar events' text (releases/calendars.py) and the alerts' signup counts.
    "default": env.cache("CACHE_URL", default="locmemcache://irsite?max_entries=5000"),
    # Rendered public pages (releases/pagecache.py), bounded: a local-memory cache culls past
    # MAX_ENTRIES (about 30 KB a page, so some 150 MB per process by default); a shared Redis
    # (PAGE_CACHE_URL, else CACHE_URL) holds one copy for every process and server, bounded by
    # its maxmemory with an LRU policy.
    "pages": env.cache(
        "PAGE_CACHE_URL", default=env.str("CACHE_URL", default="locmemcache://irsite-pages?max_entries=5000")
    ),
    # Sign-in failures and lockouts, apart from the pages so that no flood of pages can evict
    # them: by default a table in the site's database (releases migration 0012), which every
    # worker and every server using that database shares.
    "throttle": env.cache("THROTTLE_CACHE_URL", default="dbcache://irsite_throttle?max_entries=200000"),
}
# Public pages are cached for anonymous visitors until a write, the next embargo lift or call
# start, or this many seconds; off, every request renders its page.
PAGE_CACHE_ENABLED = env.bool("IRSITE_PAGE_CACHE", default=True)
PAGE_CACHE_SECONDS = env.int("IRSITE_PAGE_CACHE_SECONDS", default=3600)
# How long a proxy or CDN in front may keep a public page (Cache-Control: s-maxage), never past
# the next embargo lift or call start: it learns of no write, so keep this short. 0: not at all.
PAGE_SHARED_SECONDS = env.int("IRSITE_PAGE_SHARED_SECONDS", default=60)
# With the local-memory cache, the file through which every process on this machine learns
# of a write made by another (a gunicorn worker, a management command).
PAGE_CACHE_STAMP = env.path("IRSITE_PAGE_CACHE_STAMP", default=BASE_DIR / "var" / "page-generation")

# Background work (email alerts) through Django's task API; `manage.py db_worker` runs it, on
# one machine or several, from the site's own database.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Email: smtp://user:password@host:587, smtp+tls://..., smtp+ssl://..., or consolemail:// (the
# default: messages are printed by the process that sends them).
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Investor relations <alerts@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The site's public address, for links in emails (no request to take it from there).
IRSITE_SITE_URL = env.str("IRSITE_SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Email alerts (alerts/): messages per second over all workers (0: no limit), rows a worker
# claims at once and how long its claim holds, attempts at a temporary failure (backoff from
# ALERTS_RETRY_SECONDS, doubling), permanent failures that mark an address bounced, how often
# each worker sweeps for lifted embargoes and lost work, and how many workers share a release.
ALERTS_SEND_RATE = env.float("ALERTS_SEND_RATE", default=100.0)
ALERTS_BATCH_SIZE = env.int("ALERTS_BATCH_SIZE", default=50)
ALERTS_LEASE_SECONDS = env.float("ALERTS_LEASE_SECONDS", default=120.0)
ALERTS_MAX_ATTEMPTS = env.int("ALERTS_MAX_ATTEMPTS", default=6)
ALERTS_RETRY_SECONDS = env.float("ALERTS_RETRY_SECONDS", default=60.0)
ALERTS_BOUNCE_LIMIT = env.int("ALERTS_BOUNCE_LIMIT", default=3)
ALERTS_SWEEP_SECONDS = env.float("ALERTS_SWEEP_SECONDS", default=30.0)
ALERTS_PARALLEL_SENDS = env.int("ALERTS_PARALLEL_SENDS", default=4)
# The sender's postal address in every alert's footer when the company has none of its own.
ALERTS_POSTAL_ADDRESS = env.str("ALERTS_POSTAL_ADDRESS", default="")
# Where List-Unsubscribe's mailto points (default: the From address).
ALERTS_UNSUBSCRIBE_MAILTO = env.str("ALERTS_UNSUBSCRIBE_MAILTO", default="")
# The key of the suppression list's hashes (default: the secret key). Set it, and keep it, before
# the secret key is ever rotated, or the list stops matching.
ALERTS_SUPPRESSION_KEY = env.str("ALERTS_SUPPRESSION_KEY", default="")
# Seconds one send task works before it hands on to a fresh one (so confirmations are not kept waiting).
ALERTS_TASK_SECONDS = env.float("ALERTS_TASK_SECONDS", default=30.0)
# Signups per client address per hour; signups and confirmation emails per email address per day.
ALERTS_SIGNUPS_PER_IP = env.int("ALERTS_SIGNUPS_PER_IP", default=20)
ALERTS_SIGNUPS_PER_ADDRESS = env.int("ALERTS_SIGNUPS_PER_ADDRESS", default=3)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env.str("DJANGO_TIME_ZONE", default="America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Uploads: a press release is text; anything near this size is not one.
IRSITE_MAX_UPLOAD_BYTES = env.int("IRSITE_MAX_UPLOAD_BYTES", default=5 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = IRSITE_MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = IRSITE_MAX_UPLOAD_BYTES
# The parse of one upload runs in a child process killed after this many seconds (the person gets an error).
IRSITE_PARSE_TIME_LIMIT = env.float("IRSITE_PARSE_TIME_LIMIT", default=5.0)
# A request body declared larger than this is refused (413) before it is read.
IRSITE_MAX_REQUEST_BYTES = env.int("IRSITE_MAX_REQUEST_BYTES", default=DATA_UPLOAD_MAX_MEMORY_SIZE)

# Admin sign-in: this many failures for one username from one address within the window
# lock that pair out. Counted in the "throttle" cache, shared by every worker and app server.
IRSITE_LOGIN_FAILURE_LIMIT = env.int("IRSITE_LOGIN_FAILURE_LIMIT", default=5)
IRSITE_LOGIN_FAILURE_WINDOW = env.int("IRSITE_LOGIN_FAILURE_WINDOW", default=15 * 60)
IRSITE_LOGIN_LOCKOUT_SECONDS = env.int("IRSITE_LOGIN_LOCKOUT_SECONDS", default=15 * 60)
# Failures from one address, whatever the usernames, that lock the whole address out.
IRSITE_LOGIN_ADDRESS_FAILURE_LIMIT = env.int("IRSITE_LOGIN_ADDRESS_FAILURE_LIMIT", default=50)

# Security: strict by default, relaxed only where DEBUG is on.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("DJANGO_BEHIND_PROXY", default=False) else None
# On in production unless set off (a proxy that redirects to HTTPS itself, or a loopback benchmark).
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
# No inline scripts or styles anywhere, the admin included; served by irsite.middleware.
IRSITE_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
}
