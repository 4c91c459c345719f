"""Körpü settings: one module, every deploy knob read from the environment."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it, or set DJANGO_DEBUG=1 for local work."
        )
    SECRET_KEY = "insecure-development-key-never-used-in-production"

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it must load before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_countries",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "editorial",
    # What the partner API shares (its base viewsets, formats, answer cache, IATI); no models.
    "api",
    "aid",
    "projects",
    "people",
    "partners",
    "public",
    "demo",
    # Operations: the database-outage 503, /healthz, backup and restore (see "Operations").
    "ops",
    # Staff accounts: counts failed admin logins and locks out (see "Staff accounts").
    "axes",
    # Staff accounts: the second sign-in step, a code from an authenticator app or a recovery
    # code (see "Staff accounts"). staff/ after django.contrib.auth, whose user admin it extends.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "staff",
    # Security (production): django-csp's checks (see "Security (production)").
    "csp",
]

MIDDLEWARE = [
    # Operations: each request's id, in its log lines and its X-Request-ID header (see
    # "Operations: logs"). First, so that every response carries it and every log line below.
    "ops.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Security (production): the Content-Security-Policy header and its per-request nonce. Early,
    # so that every response below it, the 503 page included, carries the header.
    "csp.middleware.CSPMiddleware",
    # Operations: a database outage answers 503 with Retry-After (see "Operations").
    "ops.middleware.DatabaseOutageMiddleware",
    # Operations: a change the page cache cannot be told of is refused or fails loudly (503).
    "ops.middleware.CacheOutageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Operations: whole public pages from the cache for visitors not signed in. Above GZip, so
    # a page is stored compressed (see "Operations: the cache").
    "public.page_cache.PublicPageCacheMiddleware",
    # Pages shrink to a quarter for readers on weak connections. Django's GZip pads each
    # response against BREACH, and public pages carry no secrets (their forms are GETs).
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # /api/ only: ?lang= and ETag/304 (after LocaleMiddleware, whose choice ?lang= overrides).
    "api.middleware.PartnerApiMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff accounts: whether the session has passed the second step (user.is_verified()), then
    # the gate that keeps the admin closed until it has (see "Staff accounts").
    "django_otp.middleware.OTPMiddleware",
    "staff.middleware.SecondFactorMiddleware",
    # Every response to a signed-in user is Cache-Control: private (editorial/middleware.py).
    "editorial.middleware.PrivateForStaffMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as axes asks: turns a locked-out login into its lockout page (see "Staff accounts").
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

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
                "public.context.page_languages",
            ],
        },
    },
]

# SQLite in var/ when DATABASE_URL is unset; PostgreSQL (psycopg 3) in production.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'korpu.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Operations: the cache (see "Operations") ------------------------------------------------
# Redis errors read as cache misses (ops/cache.py): pages and the API serve while it is down.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "ops.cache.ResilientRedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Public pages and API answers are cached for up to this many seconds, under keys that change
# on every write to the record (editorial/content_version.py). That needs one cache shared by
# every process: local memory is per process, and a publish would reach only the worker that
# made it. So it is on with REDIS_URL and off without, unless set (a single process may).
CONTENT_CACHE_SECONDS = env_int("CONTENT_CACHE_SECONDS", 600 if REDIS_URL else 0)
if CONTENT_CACHE_SECONDS < 0:
    raise ImproperlyConfigured("CONTENT_CACHE_SECONDS must be 0 (off) or more.")
# --- End of operations: the cache -------------------------------------------------------------

# --- Operations: logs (see "Operations") ------------------------------------------------------
# Everything to stderr, where gunicorn's own lines go (gunicorn.conf.py), each line with the id
# of the request it was written in (ops/request_id.py): a server error is Django's
# "Internal Server Error" line with its traceback, under the id its response and 500 page show.
# Our loggers (ops.outage, ops.cache, ops.health, editorial.notifications, ...) and Django's
# all reach the one handler on the root logger; django.request only from ERROR up, since
# gunicorn's access log has every 4xx already and a line for each robot's 404 would bury the
# tracebacks.
LOG_LEVEL = env_str("DJANGO_LOG_LEVEL", "INFO").strip().upper()
if LOG_LEVEL not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
    raise ImproperlyConfigured(
        "DJANGO_LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL."
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "ops.request_id.RequestIdFilter"}},
    "formatters": {
        "plain": {
            "format": "[%(asctime)s] [%(process)d] [%(levelname)s] [%(request_id)s] "
            "%(name)s: %(message)s",
            "datefmt": "%Y-%m-%d %H:%M:%S %z",
        }
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "filters": ["request_id"],
            "formatter": "plain",
        }
    },
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    "loggers": {
        # Django's defaults print only in DEBUG and mail 500s to ADMINS (none): neither, here.
        "django": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
        "django.request": {"level": "ERROR"},
        # The login lockout's start-up banner, on every manage.py command; its lines about
        # sign-ins (axes.handlers) stay.
        "axes.apps": {"level": "WARNING"},
    },
}
# --- End of operations: logs ------------------------------------------------------------------

# --- Staff accounts (django-axes lockout, idle sessions, passwords) ---------------------------
# The admin login is the only way in. After LOGIN_FAILURE_LIMIT wrong passwords for one
# username from one address, that pair is locked out for LOGIN_COOLOFF_MINUTES (each further
# try restarts the wait). The pair, not the username alone: by username alone anyone could lock
# every colleague out by typing their names; by address alone a botnet would get a full set of
# tries from each machine against every account. A success clears the pair's failures.
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out pair before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 60))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
# The client's address is REMOTE_ADDR only, as for the API's limits: X-Forwarded-For is written
# by the client, and trusting it would let each try claim a new address. django-ipware is not
# installed, so axes reads REMOTE_ADDR; should it ever be, this order keeps it there.
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
# A session ends after SESSION_IDLE_MINUTES without a request (saving it on every request
# moves its expiry on), and when the browser closes.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 120) * 60
# In the database, under keys the site can tell it issued: a made-up `sessionid` is served the
# cached public page at no cost (staff/sessions.py).
SESSION_ENGINE = "staff.sessions"
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
if min(AXES_FAILURE_LIMIT, AXES_COOLOFF_TIME.total_seconds(), SESSION_COOKIE_AGE) <= 0:
    raise ImproperlyConfigured(
        "LOGIN_FAILURE_LIMIT, LOGIN_COOLOFF_MINUTES and SESSION_IDLE_MINUTES must be positive."
    )
# Second step (staff/): after the password, a six-digit code from an authenticator app (TOTP),
# or one of ten single-use recovery codes. Superusers and Publishers must have one: after the
# password, one who has none is shown how to set it up, and no admin page opens until then.
# For Editors it is optional (the "Two-step sign-in" page) unless STAFF_2FA_FOR_EDITORS is on:
# their changes wait for a publisher anyway. A wrong code counts towards the lockout above, and
# django-otp slows each device down after every wrong code (1, 2, 4, 8... seconds).
# STAFF_2FA_REQUIRED=0 asks nobody for a code: only the tests turn it off (pyproject.toml), and
# `check --deploy` warns about it (staff.W001).
STAFF_2FA_REQUIRED = env_bool("STAFF_2FA_REQUIRED", True)
STAFF_2FA_FOR_EDITORS = env_bool("STAFF_2FA_FOR_EDITORS", False)
# The name authenticator apps show beside the account.
OTP_TOTP_ISSUER = "Körpü"
# Nor are typed codes stored with a failed try: a recovery code with a typo is nearly a code.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# --- End of staff accounts --------------------------------------------------------------------

# Languages: English is the source language and the fallback for missing translations.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("uk", _("Ukrainian")),
    ("az", _("Azerbaijani")),
]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
# django-countries has no Azerbaijani catalogue: the two countries the record is about are
# named through ours (locale/), so every page names them in its own language.
COUNTRIES_OVERRIDE = {"UA": _("Ukraine"), "AZ": _("Azerbaijan")}
TIME_ZONE = "Europe/Kyiv"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files (editorial/storage.py): everything is kept in MEDIA_ROOT/private/, which only
# Django serves, after a permission check; copies of public photos' renditions are put in
# MEDIA_ROOT/public/, the one directory the web server may serve at MEDIA_URL.
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "editorial.storage.PrivateMediaStorage"},
    "public": {"BACKEND": "editorial.storage.PublicMediaStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Widths (px) of the photo renditions (editorial/renditions.py). Changing them needs
# `manage.py renditions` to fill in the new widths, so they are not a deploy knob.
RENDITION_WIDTHS = (480, 960, 1600)

# Photo uploads (editorial/uploads.py). Django's own upload settings stay at their defaults:
# DATA_UPLOAD_MAX_MEMORY_SIZE does not count files, and a file above 2.5 MB is streamed to a
# temporary file, not held in memory. Cap the request body in the web server as well.
PHOTO_MAX_UPLOAD_BYTES = env_int("PHOTO_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
PHOTO_MAX_PIXELS = env_int("PHOTO_MAX_PIXELS", 40_000_000)
PHOTO_ALLOW_ANIMATED = env_bool("PHOTO_ALLOW_ANIMATED", False)
if PHOTO_MAX_UPLOAD_BYTES <= 0 or PHOTO_MAX_PIXELS <= 0:
    raise ImproperlyConfigured("PHOTO_MAX_UPLOAD_BYTES and PHOTO_MAX_PIXELS must be positive.")

LOGIN_URL = "admin:login"

# Where the partner API lives: config/urls.py routes its version under it (/api/v1/), and
# everything under it is answered as the API (api/middleware.py: ?lang=, ETags, JSON errors;
# ops/middleware.py: a JSON 503) and never looked up in the page cache (public/page_cache.py).
# Here, not in the API's code, so those need not import the API to learn it; a constant, not
# read from the environment, as partners' clients and the published schema name it.
API_PREFIX = "/api/"

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "api.schema.PartnerAutoSchema",
    # A partner key is the only credential the API knows; it raises the rate limit and grants
    # nothing else (partners/authentication.py). Staff use the admin, not the API.
    "DEFAULT_AUTHENTICATION_CLASSES": ["partners.authentication.PartnerKeyAuthentication"],
    "DEFAULT_THROTTLE_CLASSES": [
        "partners.throttling.AnonymousRateThrottle",
        "partners.throttling.PartnerKeyRateThrottle",
    ],
    # Anonymous clients per IP address (REMOTE_ADDR only), partners per key; a key's own rate,
    # set in the admin, overrides the partner rate. Checked at start (partners.E001).
    "DEFAULT_THROTTLE_RATES": {
        "anonymous": env_str("API_RATE_ANONYMOUS", "60/min"),
        "partner": env_str("API_RATE_PARTNER", "600/min"),
    },
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Körpü partner API",
    "DESCRIPTION": (
        "The public record of Azerbaijan's humanitarian aid to Ukraine: published aid "
        "packages, reconstruction projects, children's rehabilitation groups, sister-city "
        "partnerships, totals, and the aid packages and projects as IATI 2.03 activities "
        "(`/api/v1/iati/activities.xml`). Read-only; anyone may read. JSON by default, CSV on "
        "list endpoints with `?format=csv`; `?lang=en|uk|az` picks the language of text "
        "fields; every object links to its public page (`public_url`). Pages of 50 "
        "(`?page_size=` up to 200), in a stable order. A whole list is one CSV file at its "
        "`export.csv` (e.g. `/api/v1/aid-packages/export.csv?sector=energy`): the list's "
        "filters, order, columns and cells, not paginated, streamed. Every response has an "
        "ETag (the IATI file also Last-Modified): send it back in If-None-Match to get 304 "
        "when nothing changed. Unknown query parameters and bad values give 400 with a message "
        "naming the parameter.\n\n"
        "Rate limits: anonymous clients are limited per IP address; a partner key, sent as "
        "`Authorization: Api-Key <key>` (or `X-Api-Key: <key>`), raises the limit and grants "
        "nothing else. Ask the embassy for a key. Over the limit the answer is 429 with "
        "Retry-After (seconds); a wrong or revoked key is 401."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": f"{API_PREFIX}v1",
    # The docs UI from our own static files: nothing loads from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Several models have a `kind`: name each choice set after what it classifies.
    "ENUM_NAME_OVERRIDES": {
        "OrganizationKindEnum": "editorial.models.OrganizationKind",
        "PlaceKindEnum": "editorial.models.PlaceKind",
        "ItemKindEnum": "aid.models.ItemKind",
        "PartnershipKindEnum": "people.models.PartnershipKind",
    },
}

# Workflow e-mail (editorial/notifications.py): printed to the console unless configured.
EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds to wait for the SMTP server. Mail is sent in the request that made the transition
# (after it commits): without a limit, a server that drops packets would hold that request, and
# its worker thread, for as long as the operating system keeps trying.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
if EMAIL_TIMEOUT <= 0:
    raise ImproperlyConfigured("EMAIL_TIMEOUT must be a positive number of seconds.")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Körpü <noreply@localhost>")

# The IATI file (/api/v1/iati/activities.xml): who publishes it. Activity identifiers start
# with IATI_REPORTING_ORG_REF, so set it to the organisation identifier registered with IATI
# before the file is published; the default is a placeholder. The type is an IATI
# OrganisationType code (10: government).
IATI_REPORTING_ORG_REF = env_str("IATI_REPORTING_ORG_REF", "XX-KORPU")
IATI_REPORTING_ORG_NAME = env_str(
    "IATI_REPORTING_ORG_NAME", "Embassy of the Republic of Azerbaijan in Ukraine"
)
IATI_REPORTING_ORG_TYPE = env_str("IATI_REPORTING_ORG_TYPE", "10")
if not IATI_REPORTING_ORG_REF.strip() or not IATI_REPORTING_ORG_TYPE.isdigit():
    raise ImproperlyConfigured(
        "IATI_REPORTING_ORG_REF must not be empty and IATI_REPORTING_ORG_TYPE must be a code."
    )

# --- Security (production) --------------------------------------------------------------------
# Headers on every response, and HTTPS once DEBUG is off: `manage.py check --deploy
# --fail-level WARNING` is clean with the production variables set (CI runs it).
_HTTPS = not DEBUG
# HSTS: a year by default. Preload (hstspreload.org) is a promise that is slow to take back, so
# it waits for DJANGO_SECURE_HSTS_PRELOAD=1. Sent by Django on HTTPS requests only.
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31_536_000 if _HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", False)
# Without preload, `check --deploy` warns that the site cannot join the preload list (W021): a
# choice made with the variable above, not a fault, so that one warning is silenced.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# Off only where the proxy in front redirects to HTTPS itself (and in the tests: pyproject.toml).
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", _HTTPS)
# A load balancer's health probe often speaks plain HTTP to the node: answer it, don't redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Behind a proxy that ends TLS, Django sees plain HTTP unless it may believe the proxy's
# X-Forwarded-Proto. Only if the proxy sets it and strips the client's own: otherwise a client
# could claim HTTPS.
if env_bool("DJANGO_TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = _HTTPS
CSRF_COOKIE_SECURE = _HTTPS
# Full origins (https://korpu.example.org) of forms posted from another origin, if any.
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# django-csp 4. Scripts only from our own files, or inline with the request's nonce (the API
# docs page, templates/drf_spectacular/swagger_ui.html): never 'unsafe-inline'. JSON data
# blocks (the admin's json_script, our JSON-LD) are not run, so CSP leaves them alone.
# Styles do allow 'unsafe-inline', which the issue forbids for scripts only: the charts and
# maps colour their legend swatches and size their SVG with style="" attributes
# (public/charts.py, templates/includes/chart_stacked_bars.html, public/maps.py), and
# Django's change list and the docs page have a <style> element. A nonce must not be added to
# style-src: browsers then ignore 'unsafe-inline', and style attributes cannot carry one.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
# --- End of security (production) -------------------------------------------------------------
