"""Every worker and host must share one cache: it holds facts that decide access.

The content cache (``core/content_cache.py``) keeps "no page has view restrictions", the
localized home pages (live or not) and the sites; the rate limits count reader reports,
logins and password resets. In a per-process memory cache, a change made in one gunicorn
worker (a password set on a page) is forgotten only there: the other workers go on serving
the protected page to anyone, and each counts its own share of the attempts. So
production settings refuse to start without ``REDIS_URL`` and ``check --deploy`` fails on
any cache that is not shared (``portal.E001``).

Development keeps a file cache on the one machine (``portal/settings/base.py``), shared by
the server and the background worker; the tests, one process each, keep memory.
"""

from django.core import checks

# Backends every process on every host reaches alike.
SHARED_BACKENDS = {
    "django_redis.cache.RedisCache",
    "django.core.cache.backends.redis.RedisCache",
    "django.core.cache.backends.memcached.PyMemcacheCache",
    "django.core.cache.backends.memcached.PyLibMCCache",
}

MISSING_REDIS_URL = (
    "REDIS_URL must be set in the environment in production: the cache holds facts that "
    "decide who may see a page (view restrictions, live home pages) and the rate limits, "
    "and every worker and host must share them (docs/hosting.md)."
)


def unshared_caches(caches: dict) -> list[str]:
    """The aliases of ``caches`` (the CACHES setting) that are not shared between hosts."""
    return [alias for alias, config in caches.items() if config["BACKEND"] not in SHARED_BACKENDS]


def check_shared_cache(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    from django.conf import settings

    return [
        checks.Error(
            f"The cache {alias!r} ({settings.CACHES[alias]['BACKEND']}) is not shared "
            "between processes and hosts.",
            hint=MISSING_REDIS_URL,
            id="portal.E001",
        )
        for alias in unshared_caches(settings.CACHES)
    ]
