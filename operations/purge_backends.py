"""Cache backends whose failures are visible, so that a failed purge can be tried again.

Wagtail's ``frontend_cache`` backends log a failed purge and return as if it had worked (an
error answer of Cloudflare's or CloudFront's API, Varnish refusing the connection). The
portal (``operations/purge.py``) must know which URLs were not purged to try them again later:

- ``VarnishBackend``, ``CloudflareBackend`` and ``CloudfrontBackend`` raise ``PurgeFailed``
  naming the URLs that were not purged, and purge a whole site in one request;
- any other backend goes through ``purge_with`` too, which takes an exception, or an error
  that Wagtail's backend logged while purging, as a failure of the whole batch.

They raise where Wagtail's callers expect silence: ``wagtail.contrib.frontend_cache`` stays
out of ``INSTALLED_APPS`` (its own signal handlers would turn a failed purge into a failed
publish); ``operations/purge.py`` does all the purging.

Upstream workaround (``upstream.toml``):
``tests/upstream/test_upstream_internals.py`` fails the day Wagtail's
backend raises on a failed purge itself.
"""

import logging
import threading
import uuid
from contextlib import contextmanager
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.core.exceptions import ImproperlyConfigured

from wagtail import __version__
from wagtail.contrib.frontend_cache.backends import (
    CloudflareBackend as WagtailCloudflareBackend,
)
from wagtail.contrib.frontend_cache.backends import (
    CloudfrontBackend as WagtailCloudfrontBackend,
)
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest

import requests

# A PURGE of this path with this header bans every URL of the host (see the VCL).
PREFIX_HEADER = "X-Purge-Prefix"
# A CDN that does not answer within this long is tried again later; the publish waits no more.
CDN_TIMEOUT_SECONDS = 10
VARNISH_TIMEOUT_SECONDS = 5


class PurgeFailed(Exception):
    """``urls`` are still in the cache; ``reason`` says why."""

    def __init__(self, urls, reason):
        self.urls = sorted(set(urls))
        self.reason = str(reason)
        super().__init__(f"{len(self.urls)} URL(s) not purged: {self.reason}")


class ReportsFailures:
    """A backend whose ``purge_batch`` raises ``PurgeFailed`` instead of only logging."""

    def purge_batch(self, urls, *, whole_site=False, stop_at_first_failure=False) -> None:
        raise NotImplementedError


def _purge_in_turn(chunks, purge_chunk, stop_at_first_failure: bool) -> None:
    """Purge each chunk of URLs in turn; raise one ``PurgeFailed`` naming every URL left."""
    failed, reason = [], ""
    for position, chunk in enumerate(chunks):
        try:
            purge_chunk(chunk)
        except PurgeFailed as failure:
            failed.extend(chunk)
            reason = reason or failure.reason
            if stop_at_first_failure:
                failed.extend(url for rest in chunks[position + 1 :] for url in rest)
                break
    if failed:
        raise PurgeFailed(failed, reason)


class VarnishBackend(ReportsFailures, HTTPBackend):
    """Wagtail's HTTP PURGE backend, with the whole-site ban of the shipped VCL."""

    def purge(self, url, *, whole_site: bool = False) -> None:
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        headers = {"Host": host, "User-Agent": f"Wagtail-frontendcache/{__version__}"}
        if whole_site:
            headers[PREFIX_HEADER] = "1"
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""]),
            headers=headers,
        )
        try:
            urlopen(request, timeout=VARNISH_TIMEOUT_SECONDS).close()  # noqa: S310 - configured cache
        except (HTTPError, URLError, OSError) as error:
            raise PurgeFailed([url], error) from error

    def purge_batch(self, urls, *, whole_site=False, stop_at_first_failure=False) -> None:
        # Stopping at the first failure: Varnish is most likely down, and the rest would
        # fail too, each one slowly.
        _purge_in_turn(
            [[url] for url in sorted(urls)],
            lambda chunk: self.purge(chunk[0], whole_site=whole_site),
            stop_at_first_failure,
        )


class CloudflareBackend(ReportsFailures, WagtailCloudflareBackend):
    """Wagtail's Cloudflare backend; ``API_URL`` points it elsewhere (a stand-in in tests).

    A whole-site purge is Cloudflare's "purge everything" of the zone."""

    API_URL = "https://api.cloudflare.com/client/v4"

    def __init__(self, params):
        params = dict(params)
        api_url = params.pop("API_URL", self.API_URL).rstrip("/")
        super().__init__(params)
        self.cloudflare_purge_endpoint_url = f"{api_url}/zones/{self.cloudflare_zoneid}/purge_cache"

    def _headers(self) -> dict:
        if self.cloudflare_token:
            return {"Authorization": f"Bearer {self.cloudflare_token}"}
        return {"X-Auth-Email": self.cloudflare_email, "X-Auth-Key": self.cloudflare_api_key}

    def _post(self, payload: dict, urls) -> None:
        try:
            response = requests.post(
                self.cloudflare_purge_endpoint_url,
                json=payload,
                headers=self._headers(),
                timeout=CDN_TIMEOUT_SECONDS,
            )
            answer = response.json()
        except (requests.RequestException, ValueError) as error:
            raise PurgeFailed(urls, f"Cloudflare: {error}") from error
        if response.status_code >= 400 or not isinstance(answer, dict) or not answer.get("success"):
            errors = answer.get("errors") if isinstance(answer, dict) else None
            messages = ", ".join(str(error.get("message")) for error in errors or [])
            raise PurgeFailed(urls, f"Cloudflare {response.status_code}: {messages or answer}")

    def purge_batch(self, urls, *, whole_site=False, stop_at_first_failure=False) -> None:
        urls = sorted(urls)
        if whole_site:
            self._post({"purge_everything": True}, urls)
            return
        _purge_in_turn(
            [
                urls[start : start + self.CHUNK_SIZE]
                for start in range(0, len(urls), self.CHUNK_SIZE)
            ],
            lambda chunk: self._post({"files": chunk}, chunk),
            stop_at_first_failure,
        )

    def purge(self, url) -> None:
        self.purge_batch([url])


class CloudfrontBackend(ReportsFailures, WagtailCloudfrontBackend):
    """Wagtail's CloudFront backend; ``ENDPOINT_URL`` points it elsewhere (a stand-in in
    tests). boto3 tries once more itself; the portal's task does the patient retrying.

    A whole-site purge is an invalidation of ``/*``."""

    def __init__(self, params):
        import boto3
        from botocore.config import Config

        params = dict(params)
        endpoint_url = params.pop("ENDPOINT_URL", None)
        BaseBackend.__init__(self, params)
        self.client = boto3.client(
            "cloudfront",
            aws_access_key_id=params.get("AWS_ACCESS_KEY_ID"),
            aws_secret_access_key=params.get("AWS_SECRET_ACCESS_KEY"),
            aws_session_token=params.get("AWS_SESSION_TOKEN"),
            endpoint_url=endpoint_url,
            # CloudFront is global; its API is signed for us-east-1 whatever the host's region.
            region_name="us-east-1",
            config=Config(
                connect_timeout=CDN_TIMEOUT_SECONDS,
                read_timeout=CDN_TIMEOUT_SECONDS,
                retries={"max_attempts": 2, "mode": "standard"},
            ),
        )
        # Wagtail's own check; its __init__ is not called, it would make a second client.
        if not params.get("DISTRIBUTION_ID"):
            raise ImproperlyConfigured(
                "The setting 'WAGTAILFRONTENDCACHE' requires the object 'DISTRIBUTION_ID'."
            )
        self.cloudfront_distribution_id = params["DISTRIBUTION_ID"]

    @staticmethod
    def _path(url: str) -> str:
        parts = urlsplit(url)
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")

    def purge_batch(self, urls, *, whole_site=False, stop_at_first_failure=False) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        urls = sorted(urls)
        paths = ["/*"] if whole_site else sorted({self._path(url) for url in urls})
        try:
            self.client.create_invalidation(
                DistributionId=self.cloudfront_distribution_id,
                InvalidationBatch={
                    "Paths": {"Quantity": len(paths), "Items": paths},
                    "CallerReference": str(uuid.uuid4()),
                },
            )
        except (BotoCoreError, ClientError) as error:
            raise PurgeFailed(urls, f"CloudFront: {error}") from error

    def purge(self, url) -> None:
        self.purge_batch([url])


# Any other backend ---------------------------------------------------------------------
class _ErrorsOfThisThread(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.thread = threading.get_ident()
        self.messages = []

    def emit(self, record):
        if record.thread == self.thread:
            self.messages.append(record.getMessage())


@contextmanager
def _errors_logged_by_wagtail():
    """What Wagtail's backends log as errors (and otherwise swallow) while this runs."""
    handler = _ErrorsOfThisThread()
    wagtail_logger = logging.getLogger("wagtail.frontendcache")
    wagtail_logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        wagtail_logger.removeHandler(handler)


def purge_with(backend, urls, *, whole_site=False, stop_at_first_failure=False) -> None:
    """Purge ``urls`` (the hosts the backend serves) or raise ``PurgeFailed``."""
    urls = sorted(url for url in urls if backend.invalidates_hostname(urlsplit(url).hostname))
    if not urls:
        return
    if isinstance(backend, ReportsFailures):
        backend.purge_batch(
            urls, whole_site=whole_site, stop_at_first_failure=stop_at_first_failure
        )
        return
    with _errors_logged_by_wagtail() as errors:
        try:
            backend.purge_batch(urls)
        except Exception as error:
            raise PurgeFailed(urls, error) from error
    if errors:
        # Wagtail does not say which URLs of the batch failed: all are tried again.
        raise PurgeFailed(urls, errors[0])
