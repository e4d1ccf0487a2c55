"""Production-safe base settings: DEBUG off, secrets only from the environment."""

import datetime

from django.utils.translation import gettext_lazy as _

from core.languages import ADMIN_LANGUAGES, SOURCE_LANGUAGE, select_languages
from operations.request_logging import logging_config

from .environment import BASE_DIR, ENV
from .media import media_origin, s3_storage
from .search import search_backends

DEBUG = False
SECRET_KEY = ENV.SECRET_KEY
ALLOWED_HOSTS = ENV.ALLOWED_HOSTS

INSTALLED_APPS = [
    "core",
    "portal",
    "operations",
    "organisation",
    "home",
    "international",
    "translation",
    "review",
    "followup",
    "readability",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "operations.request_logging.RequestContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside the session and CSRF middleware, so that it sees every cookie they set.
    "operations.http_cache.CacheControlMiddleware",
    "core.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.locale_redirect.UnprefixedLocaleMiddleware",
    "core.admin_language.AdminLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Wagtail admin views that raise on hostile input answer 400 (portal/admin_bad_requests.py).
    "portal.admin_bad_requests.AdminBadRequestMiddleware",
    # Routes Wagtail pages from the furniture cache in two queries (home/routing.py).
    "home.routing.RoutingMiddleware",
    "operations.login_throttle.PasswordResetThrottleMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

# site/ is not a Python package (the name belongs to the standard library): it only holds
# the site-wide templates and static assets.
SITE_DIR = BASE_DIR / "site"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "organisation.context_processors.organisation",
            ],
        },
    },
]

DATABASES = {"default": ENV.database(default_sqlite=BASE_DIR / "db.sqlite3")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and `manage.py db_worker` write to the same SQLite file. IMMEDIATE
    # transactions take the write lock when they begin and wait for it (timeout in seconds),
    # instead of failing with "database is locked" when a reading transaction tries to write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if ENV.REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": ENV.REDIS_URL,
        }
    }
else:
    # Without Redis (development): a file cache on this machine, which the server and the
    # background worker share; never in production (operations/shared_cache.py).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": BASE_DIR / ".run" / "cache",
        }
    }
# The cache that counts requests for rate limits (reader reports, login throttling): it must
# be shared by every application host, so Redis in production (``REDIS_URL``).
PORTAL_RATE_LIMIT_CACHE = "default"
# Sessions live in the database, never on an application host's disk.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages ------------------------------------------------------------------------------
LANGUAGE_CODE = SOURCE_LANGUAGE
LANGUAGES = select_languages(ENV.PORTAL_LANGUAGES)
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The project catalogs (Swedish msgids), then Swedish for what Wagtail and wagtail-localize
# leave in English (portal/upstream_catalogs: English msgids, sv only; portal/admin_swedish.py).
LOCALE_PATHS = [BASE_DIR / "locales", BASE_DIR / "portal" / "upstream_catalogs"]
# Django ships no date and number formats for Somali and Tigrinya: core/formats has them.
FORMAT_MODULE_PATH = ["core.formats"]
# Off, so that years and ids are never grouped ("2 026"); amounts use the |amount filter.
USE_THOUSAND_SEPARATOR = False
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Stockholm"

WAGTAIL_I18N_ENABLED = True
# The admin is Swedish unless a user picks another language in their account settings.
WAGTAILADMIN_PERMITTED_LANGUAGES = ADMIN_LANGUAGES
# Translating a page must never put a page full of Swedish text live in another language.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Review is the review app's queue and publish rule (docs/review.md); Wagtail's moderation
# workflows would publish on a moderator's approval, past the translators' rule.
WAGTAIL_WORKFLOW_ENABLED = False

# Static and media -----------------------------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [SITE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = ENV.MEDIA_ROOT or BASE_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": s3_storage(ENV) or {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Documents go through Wagtail's view (collection privacy) wherever they are stored.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Images on S3 come from another origin: the Content-Security-Policy allows it.
PORTAL_MEDIA_ORIGINS = [origin for origin in [media_origin(ENV)] if origin]

# Background work ------------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Email ----------------------------------------------------------------------------------
vars().update(ENV.email())
DEFAULT_FROM_EMAIL = ENV.DEFAULT_FROM_EMAIL or "webmaster@localhost"

# DeepL ----------------------------------------------------------------------------------
DEEPL_AUTH_KEY = ENV.DEEPL_AUTH_KEY
DEEPL_SERVER_URL = ENV.DEEPL_SERVER_URL
# Characters per calendar month machine translation may use (0: no budget of our own).
DEEPL_MONTHLY_CHARACTER_BUDGET = ENV.DEEPL_MONTHLY_CHARACTER_BUDGET
# The deepl client's own retries (429, 5xx, dropped connections) and request timeout.
DEEPL_MAX_NETWORK_RETRIES = 5
DEEPL_TIMEOUT_SECONDS = 30.0
DEEPL_BACKOFF_INITIAL_SECONDS = 1.0
# Azure AI Translator (Somali, Tigrinya by default): see docs/translation.md, "Engines".
AZURE_TRANSLATOR_ENDPOINT = ENV.AZURE_TRANSLATOR_ENDPOINT
AZURE_TRANSLATOR_KEY = ENV.AZURE_TRANSLATOR_KEY
AZURE_TRANSLATOR_REGION = ENV.AZURE_TRANSLATOR_REGION
AZURE_TRANSLATOR_MONTHLY_CHARACTER_BUDGET = ENV.AZURE_TRANSLATOR_MONTHLY_CHARACTER_BUDGET
AZURE_TRANSLATOR_MAX_RETRIES = 4
AZURE_TRANSLATOR_TIMEOUT_SECONDS = 30.0
AZURE_TRANSLATOR_BACKOFF_SECONDS = 0.8
# Engine prices for the cost estimates (translation/estimates.py; docs/translation.md).
DEEPL_PRICE_PER_1000_CHARACTERS = ENV.DEEPL_PRICE_PER_1000_CHARACTERS
AZURE_TRANSLATOR_PRICE_PER_1000_CHARACTERS = ENV.AZURE_TRANSLATOR_PRICE_PER_1000_CHARACTERS
TRANSLATION_PRICE_CURRENCY = ENV.TRANSLATION_PRICE_CURRENCY
# When a job could not finish (429/5xx after the client's retries, timeouts), it runs again
# this much later, at most this many times.
TRANSLATION_RETRY_DELAY_SECONDS = 300
TRANSLATION_MAX_ATTEMPTS = 5
# Publishing a Swedish page queues its machine-translated drafts in every other language.
TRANSLATION_AUTO_DRAFTS = True
# A job whose drafts stay "running" this long is taken for dead (worker killed, database
# restarted) and queued again; the watchdog looks this often (translation/recovery.py).
TRANSLATION_STALE_AFTER_SECONDS = ENV.TRANSLATION_STALE_AFTER_SECONDS
TRANSLATION_RECOVERY_INTERVAL_SECONDS = ENV.TRANSLATION_RECOVERY_INTERVAL_SECONDS
# The translator works with or without a key: without one it offers nothing.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "translation.deepl.translator.DeepLMachineTranslator",
    "OPTIONS": {},
}

# Wagtail --------------------------------------------------------------------------------
# Who runs the portal is a site setting (organisation.OrganisationSettings), not code.
WAGTAIL_SITE_NAME = _("Internationellt arbete")
WAGTAILADMIN_BASE_URL = ENV.BASE_URL
WAGTAILSEARCH_BACKENDS = search_backends(DATABASES["default"]["ENGINE"], LANGUAGES)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# A protected page's password form without the CSRF cookie (core/page_password.py).
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "core/password_required.html"  # noqa: S105 - a template
PAGE_PASSWORD_TOKEN_MAX_AGE = 6 * 60 * 60
# Avatars would otherwise be fetched from a third party in the admin and the translation editor.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin would otherwise ask releases.wagtail.org for new versions from every browser.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# HTTP cache (Varnish or a CDN) ------------------------------------------------------------
# Seconds an anonymous reader's page may be served from the cache; a publish purges sooner.
PORTAL_CACHE_MAX_AGE = ENV.CACHE_MAX_AGE
# wagtail.contrib.frontend_cache backends: Varnish (HTTP PURGE) when VARNISH_URL is set.
WAGTAILFRONTENDCACHE = (
    {
        "varnish": {
            "BACKEND": "operations.purge_backends.VarnishBackend",
            "LOCATION": ENV.VARNISH_URL,
        }
    }
    if ENV.VARNISH_URL
    else {}
)
# A purge that fails (Varnish restarting, a CDN timing out) is tried again this much later,
# the delay doubling after each failure, at most this many attempts in all (30 s, 5: the last
# try 7.5 minutes after the publish); the publish itself always succeeds.
PURGE_RETRY_DELAY_SECONDS = 30
PURGE_MAX_ATTEMPTS = 5

# Security -------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
# Wagtail marks its preview views SAMEORIGIN itself; nothing else may be framed.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Public pages: 'self' only, no inline code (portal/security.py). The admin is exempt.
PORTAL_CSP_EXEMPT_PATHS = ("/admin/", "/django-admin/")

# Operations and hardening (docs/operations.md) ----------------------------------------------
# How many proxies in front of the application append to X-Forwarded-For (Varnish: 1; a CDN
# in front of it: 2): the client address is taken from there (core/client_address.py), so
# that the reader report limit, login throttling and password-reset limit count per reader,
# not per proxy. 0: REMOTE_ADDR.
TRUSTED_PROXY_COUNT = ENV.TRUSTED_PROXY_COUNT
# Reader reports: a post larger than this is refused unread; a form token lives this long;
# contact details are erased after this many days (review/retention.py).
REPORT_MAX_BODY_BYTES = 16 * 1024
REPORT_FORM_TOKEN_MAX_AGE = 6 * 60 * 60
READER_REPORT_CONTACT_RETENTION_DAYS = ENV.READER_REPORT_CONTACT_RETENTION_DAYS
# PO exchange uploads (review/po_upload.py).
PO_UPLOAD_MAX_BYTES = 5 * 1024 * 1024
PO_UPLOAD_MAX_FILES = 200
PO_UPLOAD_MAX_FILE_BYTES = 2 * 1024 * 1024
PO_UPLOAD_MAX_TOTAL_BYTES = 20 * 1024 * 1024
PO_UPLOAD_MAX_RATIO = 100

# Login throttling (operations/login_throttle.py). Either an account or an address is locked
# after this many failures, for this long or until an administrator lifts it.
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_ip"
AXES_LOCKOUT_CALLABLE = "operations.login_throttle.lockout_response"
AXES_SENSITIVE_PARAMETERS = ["password"]
# Password-reset requests per hour, per address and per email address.
PASSWORD_RESET_LIMIT = 5

# Logging: one line per event on stderr with request id, path and user id
# (operations/request_logging.py).
LOGGING = logging_config(ENV.LOG_LEVEL)
