"""Rookie's settings: one file, driven by environment variables (see README and .env.example)."""

import datetime
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from rookie.lib.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (set DEBUG=1 for local development).")
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its admin classes patch the right forms.
    "modeltranslation",
    # Django's admin, with the log-in throttle and current-password limit (accounts/admin_site.py).
    "accounts.admin_site.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "markdownx",
    "axes",
    "rookie",
    "accounts",
    "articles",
    "sitepages",
    "networks",
]

# The benchmark's tooling (bench_data, the /bench/baseline/ page) exists only where `make bench` asks
# for it: a production start never has the app, its command or its URL (rookie/urls.py).
BENCH_ENABLED = env_bool("BENCH_ENABLED", False)
if BENCH_ENABLED:
    INSTALLED_APPS.append("bench")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "rookie.middleware.ContentSecurityPolicyMiddleware",
    "rookie.middleware.RejectNulInQueryMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: dates, times and "today" in the signed-in user's own time zone.
    "rookie.timezones.UserTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Before any view or process_view (CSRF) reads the body; after the above, so that its page can
    # show the reader's language and who is signed in.
    "rookie.middleware.RequestBodyLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "rookie.middleware.PrivatePagesNoStoreMiddleware",
    # After authentication and messages: turns a view's lost database connection into a 503.
    "rookie.middleware.DatabaseUnavailableMiddleware",
    # Likewise a check kept in the shared cache (rate limits, log-out) while Redis is unreachable.
    "rookie.middleware.CacheUnavailableMiddleware",
    # Last, as django-axes requires: turns a lock-out into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "rookie.urls"
WSGI_APPLICATION = "rookie.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------------
# DATABASE_URL picks the database; unset, it is SQLite in the checkout (the embedded default).
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=env_int("CONN_MAX_AGE", 600),
            conn_health_checks=True,
        )
    }
    # Prepared statements: with server-side binding psycopg sends the values apart from the
    # statement, and with a prepare threshold (Django sets none) it prepares a statement once a
    # connection has run it five times, so PostgreSQL stops planning it again (on the dashboard,
    # planning took about as long as running its statements; docs/PERFORMANCE.md). Off behind
    # PgBouncer in transaction mode before 1.21, which cannot keep prepared statements.
    PREPARED_STATEMENTS = env_bool("DATABASE_PREPARED_STATEMENTS", True)
    PREPARED_OPTIONS = {"server_side_binding": True, "prepare_threshold": 5}
    if PREPARED_STATEMENTS:
        DATABASES["default"]["OPTIONS"] = {**DATABASES["default"].get("OPTIONS", {}), **PREPARED_OPTIONS}
    # Optional read replica for anonymous page views; see rookie/db_router.py for what reads where.
    DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
    if DATABASE_REPLICA_URL:
        DATABASES["replica"] = dj_database_url.parse(
            DATABASE_REPLICA_URL, conn_max_age=env_int("CONN_MAX_AGE", 600), conn_health_checks=True
        )
        if PREPARED_STATEMENTS:
            DATABASES["replica"]["OPTIONS"] = {**DATABASES["replica"].get("OPTIONS", {}), **PREPARED_OPTIONS}
        DATABASES["replica"]["TEST"] = {"MIRROR": "default"}  # tests see one database
        DATABASE_ROUTERS = ["rookie.db_router.ReplicaRouter"]
        MIDDLEWARE.insert(0, "rookie.db_router.ReplicaReadsMiddleware")
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": BASE_DIR / env_str("SQLITE_NAME", "db.sqlite3"),
            "OPTIONS": {
                # IMMEDIATE takes the write lock at BEGIN, so two writers queue instead of one
                # failing with "database is locked" halfway through a transaction.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out e-mail and IP pair before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, loading the signed-in user on each request faster (accounts/auth_backend.py).
    "accounts.auth_backend.ModelBackend",
]
# Brute force: 5 failures for the same e-mail from the same IP pause log-in for that pair for 15
# minutes (a cool-off, never a permanent lock-out), answered with a 429 page.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "accounts.auth_logging.axes_username"
AXES_LOCKOUT_TEMPLATE = "errors/429.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "rookie.lib.ratelimit.axes_client_ip"
# Many addresses tried from one client address: after this many failed log-ins (member or admin)
# in the window, log-in POSTs from it get the 429 page until the window ends. Only failures count,
# so members behind one NAT signing in do not use it up; 30 is six addresses' worth of axes pauses.
LOGIN_IP_FAILURE_LIMIT = env_int("LOGIN_IP_FAILURE_LIMIT", 30)
LOGIN_IP_WINDOW_MINUTES = env_int("LOGIN_IP_WINDOW_MINUTES", 15)
LOGIN_URL = "accounts:login"
# The members' home; the log-in view sends each role to its own (accounts/roles.py: home_url_for).
LOGIN_REDIRECT_URL = "tracker:dashboard"
LOGOUT_REDIRECT_URL = "home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

# --- Languages ----------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("sv", _("Swedish")),
    ("da", _("Danish")),
    ("fi", _("Finnish")),
]
# The chain Nordic readers accept when their own language is missing.
LANGUAGE_FALLBACKS = {
    "fi": ["sv", "en"],
    "da": ["sv", "en"],
    "sv": ["en"],
    "en": ["sv"],
}
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("en", "sv"),
    **{code: tuple(chain) for code, chain in LANGUAGE_FALLBACKS.items()},
}
# TabbedTranslationAdmin would load jQuery UI from a CDN; the admin must work offline.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "rookie_language"
LANGUAGE_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
# Dates and numbers as each language writes them: our format modules (rookie/formats/<lang>/)
# override Django's where a native writer would not use its pattern; thousands are grouped
# ("1 200", "1.200"), so a number that is not a quantity (an id, a year, an ISO value) is printed
# with |unlocalize or {% localize off %}.
FORMAT_MODULE_PATH = ["rookie.formats"]
USE_THOUSAND_SEPARATOR = True
TIME_ZONE = env_str("TIME_ZONE", "Europe/Stockholm")
USE_TZ = True

# --- Static and media ---------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names, so pages can be cached forever by browsers; needs collectstatic (make does it).
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 5_242_880

# --- Cache --------------------------------------------------------------------------------------
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Several web processes or machines: REDIS_URL makes the cache shared, so rate-limit counters, the
# rendered-guide cache and its invalidation are the same on every instance (docs/DEPLOYMENT.md).
# Give Rookie its own Redis database number: cache.clear() empties the whole database.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "rookie.lib.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "rookie",
            # Fail within seconds when Redis is unreachable instead of holding a worker thread.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    # Sessions stay in the database (the source of truth, shared by every instance; account
    # deletion and purge_expired work on it) and are read through the shared cache. Only with a
    # shared cache: a per-process copy would keep a logged-out session alive in other processes.
    # cached_db that keeps working while Redis is unreachable (rookie/lib/sessions.py).
    SESSION_ENGINE = "rookie.lib.sessions"

# --- E-mail -------------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Rookie <noreply@rookie.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Absolute links in e-mails (reminders, calendar feed) are built from this.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The daily reminder digest goes out at the first `send_reminders` run after this hour of the
# member's own day (0-23), not just after their midnight (docs/tracker-io.md).
REMINDERS_LOCAL_HOUR = env_int("REMINDERS_LOCAL_HOUR", 7)
if not 0 <= REMINDERS_LOCAL_HOUR <= 23:
    raise ImproperlyConfigured(f"REMINDERS_LOCAL_HOUR must be an hour from 0 to 23, not {REMINDERS_LOCAL_HOUR}")

# --- Security -----------------------------------------------------------------------------------
SECURE_COOKIES = env_bool("SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
# The health probes answer over plain HTTP too: a load balancer or `curl -f` asks them on the
# container's own port, and a 301 there would pass for healthy whatever the database's state.
SECURE_REDIRECT_EXEMPT = [r"^(healthz|readyz)$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
# Behind our own TLS-terminating proxy: trust its X-Forwarded-Proto and the last X-Forwarded-For hop.
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# No inline scripts or styles anywhere but the admin's styles (rookie/middleware.py); cover images
# may come from any https URL.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "https:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Link tokens (calendar feed, password reset, sign-up, reminders off) are taken out of every
    # line, whoever logs the path: a 404, a CSRF failure, an error (rookie/lib/log_redaction.py).
    "filters": {"redact_secrets": {"()": "rookie.lib.log_redaction.RedactSecretsFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact_secrets"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Lock-outs are warnings; the routine "reset after a good log-in" notes are not worth a line.
        "axes": {"level": "WARNING"},
    },
}

# --- Guides -------------------------------------------------------------------------------------
# The Markdown editor's widget posts here; articles/editor_views.py answers (staff only, sanitized),
# mounted in rookie/urls.py outside the language prefix. markdownx.urls is never included.
MARKDOWNX_URLS_PATH = "/markdownx/markdownify/"
MARKDOWNX_UPLOAD_URLS_PATH = "/markdownx/upload/"
MARKDOWNX_MEDIA_PATH = "guides/images/"
MARKDOWNX_SERVER_CALL_LATENCY = 700  # ms between keystrokes before the preview refreshes
MARKDOWNX_EDITOR_RESIZABLE = True
# Every uploaded image (guide covers, images in guide texts) goes through rookie/lib/images.py.
IMAGE_UPLOAD_MAX_BYTES = env_int("IMAGE_UPLOAD_MAX_BYTES", 5 * 1024 * 1024)
# Any request body larger than this is refused with 413 before it is read
# (rookie.middleware.RequestBodyLimitMiddleware): Django caps form fields, not uploaded files.
# Twice the largest upload Rookie accepts, so a file just over a form's own limit still gets that
# form's message. The reverse proxy should refuse the same size (deploy/Caddyfile).
MAX_REQUEST_BODY_BYTES = env_int("MAX_REQUEST_BODY_BYTES", 2 * IMAGE_UPLOAD_MAX_BYTES)
ARTICLES_PER_PAGE = 12
# Public pages are cached whole for anonymous readers, per language, and the dashboard and coach
# page per member (rookie/lib/pagecache.py). Edits make them stale through generation numbers kept in
# the cache, so every process must share it: on by default only with Redis (REDIS_URL).
PAGE_CACHE = env_bool("PAGE_CACHE", bool(REDIS_URL))
# Edits, publishing and new evaluations make public pages stale at once; this only bounds memory.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# The dashboard and the coach page are cached per member too (only for that member); their own
# changes show at once, and counts that move with the clock alone are at most this old.
MEMBER_PAGE_CACHE_SECONDS = env_int("MEMBER_PAGE_CACHE_SECONDS", 60)
# Parts of pages that are the same for every reader of a language (a guide's body, a page of the
# guide list, a network's card and public part) kept under their group's generation: with or
# without the page cache, a change shows at once. Only with a cache every process shares, like
# PAGE_CACHE: a per-process copy would keep serving what another process's change made stale.
FRAGMENT_CACHE = env_bool("FRAGMENT_CACHE", bool(REDIS_URL))

# --- Security (production) ----------------------------------------------------------------------
# With Secure cookies (production, over HTTPS) the session, CSRF and language cookies take the
# __Host- prefix: a browser then keeps them only if they are Secure, for Path=/ and without a
# Domain, so no other host (a sibling subdomain, a network attacker over plain HTTP) can set or
# overwrite them. markdownx's editor script looks for a cookie named "csrftoken" and falls back to
# the form's hidden token, so renaming the CSRF cookie costs nothing.
if SECURE_COOKIES:
    SESSION_COOKIE_NAME = "__Host-rookie_session"
    CSRF_COOKIE_NAME = "__Host-rookie_csrftoken"
    LANGUAGE_COOKIE_NAME = "__Host-rookie_language"
SESSION_COOKIE_PATH = CSRF_COOKIE_PATH = LANGUAGE_COOKIE_PATH = "/"
SESSION_COOKIE_DOMAIN = CSRF_COOKIE_DOMAIN = LANGUAGE_COOKIE_DOMAIN = None
# HSTS (SECURE_HSTS_SECONDS, in the Security section above) includes subdomains whenever it is on.
# django-axes' log-in records are purged after this many days (manage.py purge_expired).
AXES_RECORD_RETENTION_DAYS = env_int("AXES_RECORD_RETENTION_DAYS", 30)
# Where members and researchers report a problem (SECURITY.md; the account-deleted e-mail names it).
SECURITY_CONTACT_EMAIL = env_str("SECURITY_CONTACT_EMAIL", "security@rookie.example")
