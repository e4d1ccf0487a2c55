"""Local development: DEBUG on, a throwaway secret, the console for email."""

from .base import *  # noqa: F403
from .environment import ENV

DEBUG = True
# The demo content and the local engines' servers (devtools/), never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405
SECRET_KEY = ENV.SECRET_KEY or "dev-only-insecure-key-never-used-in-production"
ALLOWED_HOSTS = ENV.ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]

if not ENV.EMAIL_URL:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
