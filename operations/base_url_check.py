"""``check --deploy``: every absolute link is built on ``BASE_URL`` (``core/absolute_urls.py``),
so in production it must be the address readers use, not the development default."""

from urllib.parse import urlsplit

from django.core import checks

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "testserver"}


def check_base_url(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    from django.conf import settings

    base = settings.WAGTAILADMIN_BASE_URL or ""
    parts = urlsplit(base)
    if parts.scheme == "https" and parts.hostname and parts.hostname not in LOCAL_HOSTS:
        return []
    return [
        checks.Error(
            f"BASE_URL is {base!r}: canonical, hreflang, sitemap and feed links are built on it.",
            hint="Set BASE_URL to the https:// address readers use (docs/operations.md).",
            id="portal.E002",
        )
    ]
