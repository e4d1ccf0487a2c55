"""Production: refuses to start without the secrets it needs."""

from django.core.exceptions import ImproperlyConfigured

from operations.error_reporting import init_sentry
from operations.shared_cache import MISSING_REDIS_URL

from .base import *  # noqa: F403
from .environment import ENV

if not ENV.SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment in production.")
if not ENV.ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment in production.")

if not ENV.REDIS_URL:
    raise ImproperlyConfigured(MISSING_REDIS_URL)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = ENV.SECURE_SSL_REDIRECT
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Optional error reporting; without SENTRY_DSN nothing is imported or sent.
init_sentry(ENV.SENTRY_DSN)
