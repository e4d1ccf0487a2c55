"""The reader's real address behind the reverse proxies that production puts in front.

``REMOTE_ADDR`` is the address of the nearest proxy, the same for every reader. Each trusted
proxy appends the address it received the request from to ``X-Forwarded-For``, so with
``TRUSTED_PROXY_COUNT`` proxies in front the client is the entry that many places from the
right; anything further left was written by the client and can be forged. Used by the reader
report limit (review/reports.py) and login throttling (django-axes'
``AXES_CLIENT_IP_CALLABLE``).
"""

import ipaddress

from django.conf import settings


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The client's address; the socket address when no proxy is trusted or the chain is short."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if count <= 0:
        return remote
    chain = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    chain = [part for part in chain if part]
    if len(chain) < count:
        # Fewer entries than proxies: the request did not come through all of them.
        return remote
    return _valid(chain[-count]) or remote
