"""Whether a POST comes from a page of this site, without a CSRF cookie.

Public forms (the reader's report, a protected page's password) set no cookie, so Django's
CSRF check cannot run; they check the ``Origin`` header, else the ``Referer``, and carry a
signed token of their own.
"""

from urllib.parse import urlsplit

from django.conf import settings


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""


def same_origin(request) -> bool:
    """Whether the post comes from a page of this site (``Origin``, else ``Referer``)."""
    own = {f"{request.scheme}://{request.get_host()}".lower()}
    own |= {origin.lower() for origin in getattr(settings, "CSRF_TRUSTED_ORIGINS", [])}
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return origin.lower() in own
    return _origin_of(request.META.get("HTTP_REFERER", "")) in own
