"""The ``deepl.DeepLClient`` of the process, configured once from settings.

The key and server come from ``DEEPL_AUTH_KEY`` and ``DEEPL_SERVER_URL``, the client's
retries and timeout from ``DEEPL_MAX_NETWORK_RETRIES``, ``DEEPL_TIMEOUT_SECONDS`` and
``DEEPL_BACKOFF_INITIAL_SECONDS``. The client is built on first use and kept; it is built
again only when those settings change (tests change them), never adjusted per call.

Workaround for the ``deepl`` client (1.32): its constructor takes no retry count, timeout
or backoff. The first two are module settings of ``deepl.http_client`` (documented in its
README); the first backoff is a class attribute of its private ``_BackoffTimer`` (1 s, too
slow for tests that provoke retries). They are process-wide, so they are applied here,
when the one client is built. ``tests/upstream/test_upstream_deepl.py`` fails, naming this
module, on the day the client takes them per instance or renames them.
"""

import threading
from dataclasses import dataclass

from django.conf import settings

import deepl
from deepl import http_client

from .errors import ConfigurationError

APP_NAME = "wagtail-international-portal"
APP_VERSION = "1.0"


@dataclass(frozen=True)
class ClientSettings:
    auth_key: str
    server_url: str
    max_network_retries: int
    timeout_seconds: float
    backoff_initial_seconds: float

    @classmethod
    def from_settings(cls) -> "ClientSettings":
        return cls(
            auth_key=settings.DEEPL_AUTH_KEY or "",
            server_url=settings.DEEPL_SERVER_URL or "",
            max_network_retries=int(settings.DEEPL_MAX_NETWORK_RETRIES),
            timeout_seconds=float(settings.DEEPL_TIMEOUT_SECONDS),
            backoff_initial_seconds=float(settings.DEEPL_BACKOFF_INITIAL_SECONDS),
        )


_lock = threading.Lock()
_current: tuple[ClientSettings, deepl.DeepLClient] | None = None


def is_configured() -> bool:
    """Whether a key is set; without one nothing is ever sent."""
    return bool(settings.DEEPL_AUTH_KEY)


def get_client() -> deepl.DeepLClient:
    """The client for the current settings; ``ConfigurationError`` without a key."""
    global _current
    wanted = ClientSettings.from_settings()
    with _lock:
        if _current is None or _current[0] != wanted:
            if not wanted.auth_key:
                raise ConfigurationError("DEEPL_AUTH_KEY is not set.")
            _apply_network_settings(wanted)
            client = deepl.DeepLClient(
                wanted.auth_key, server_url=wanted.server_url or None, send_platform_info=False
            )
            client.set_app_info(APP_NAME, APP_VERSION)
            _current = (wanted, client)
        return _current[1]


def _apply_network_settings(wanted: ClientSettings) -> None:
    http_client.max_network_retries = wanted.max_network_retries
    http_client.min_connection_timeout = wanted.timeout_seconds
    http_client._BackoffTimer.BACKOFF_INITIAL = wanted.backoff_initial_seconds
