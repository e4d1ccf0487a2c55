"""Absolute addresses from the site's configured address, never from the request.

Canonical and hreflang links, the sitemap, robots.txt, the feeds and the calendar are
cached as ``public`` by Varnish or a CDN, with no ``Vary`` on the scheme or the host. Built
with ``request.build_absolute_uri()``, they followed ``X-Forwarded-Proto`` (trusted through
``SECURE_PROXY_SSL_HEADER``) and the ``Host`` header: one request over plain HTTP, or with
another allowed host name, could fill the shared cache with links every reader then got.
They are built on ``BASE_URL`` (``WAGTAILADMIN_BASE_URL``, the address readers use, e.g.
``https://international.kommun.se``) instead: the same bytes whatever the request says.
"""

from urllib.parse import urlsplit

from django.conf import settings


def base_url() -> str:
    return (settings.WAGTAILADMIN_BASE_URL or "").rstrip("/")


def absolute(url: str) -> str:
    """``url`` (a path such as ``Page.get_url()`` gives, or an absolute URL of another
    configured site) on the configured address; ``""`` stays ``""``."""
    if not url:
        return ""
    if urlsplit(url).scheme:
        return url
    return base_url() + "/" + url.lstrip("/")


def current(request) -> str:
    """The address of this request's path and query, on the configured address."""
    return absolute(request.get_full_path())
