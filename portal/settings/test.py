"""Tests: PostgreSQL when one answers, else SQLite; fast hashing; tasks run at once."""

from .base import *  # noqa: F403
from .environment import ENV, postgres_options
from .search import search_backends
from .test_database import choose_test_database

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]

# As every deployment's sessions (``postgres_options``): the plans the tests see are theirs.
DATABASES = {
    "default": postgres_options(
        choose_test_database(ENV.DATABASE_URL, BASE_DIR),  # noqa: F405
        ENV.POSTGRES_RANDOM_PAGE_COST,
    )
}
WAGTAILSEARCH_BACKENDS = search_backends(DATABASES["default"]["ENGINE"], LANGUAGES)  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Room for what a full page keeps (the review queue's 250 rows at most): locmem's default
# of 300 entries would evict what the tests read again, as Redis with its memory does not.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    }
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files from the finders; no collectstatic before a test run.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# No DeepL in tests unless a test starts the local server (tests/translation/conftest.py);
# publishing creates no translation drafts unless a test switches it on.
DEEPL_AUTH_KEY = ""
DEEPL_SERVER_URL = ""
TRANSLATION_AUTO_DRAFTS = False
DEEPL_MAX_NETWORK_RETRIES = 2
DEEPL_TIMEOUT_SECONDS = 2.0
DEEPL_BACKOFF_INITIAL_SECONDS = 0.01
AZURE_TRANSLATOR_ENDPOINT = ""
AZURE_TRANSLATOR_KEY = ""
AZURE_TRANSLATOR_REGION = ""
AZURE_TRANSLATOR_MAX_RETRIES = 2
AZURE_TRANSLATOR_TIMEOUT_SECONDS = 2.0
AZURE_TRANSLATOR_BACKOFF_SECONDS = 0.01
# A translatable snippet model for the per-locale snippet permission tests of the review app.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools", "tests.review_snippets"]  # noqa: F405
