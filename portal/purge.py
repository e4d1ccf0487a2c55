"""Purge the HTTP cache (Varnish, a CDN) when what readers see changes.

Wagtail's ``frontend_cache`` purges a published page's own URL. A reader sees a page in
many more places: its translations, the listings and home pages above it, the news feeds,
the calendar of deadlines, the sitemap. So, on publish, unpublish, move and delete of a
page in any language, this purges, in every language:

- the page and its translations (before and after a move);
- every ancestor (the listings, the section pages, the home page), and the section pages
  right under each home (the strategy and partner pages list news, projects and goals);
- the RSS and Atom feeds of each news listing and the calendar of each opportunity
  listing among them;
- ``/sitemap.xml``.

A change to a snippet (menus, footer, partners, goals) shows on many pages: the whole site is
purged (Varnish bans every URL of the host).

The purge runs right after the commit, through the backends of ``WAGTAILFRONTENDCACHE``
(a PURGE to Varnish on loopback takes a millisecond), so that readers see the change within a
second without waiting for a worker. A purge that fails is logged and handed to a background
task that tries again (``PURGE_RETRY_DELAY_SECONDS``, at most ``PURGE_MAX_ATTEMPTS`` times);
it never reaches the communicator as a failed publish.
"""

import datetime
import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils import timezone

from wagtail import __version__
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page, Site, TranslatableMixin
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from django_tasks import task

logger = logging.getLogger(__name__)

# A PURGE of this path with this header bans every URL of the host (see the VCL).
WHOLE_SITE = "/"
PREFIX_HEADER = "X-Purge-Prefix"


class PurgeFailed(Exception):
    pass


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP PURGE backend, but a failure raises instead of being only logged,
    so that the purge task can try again."""

    def purge(self, url, *, whole_site: bool = False):
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
            urlopen(request, timeout=5).close()  # noqa: S310 - the configured cache only
        except (HTTPError, URLError, OSError) as error:
            raise PurgeFailed(f"{url}: {error}") from error


# Which URLs show a page ---------------------------------------------------------------
def _site_urls(page: Page) -> list[str]:
    url = page.get_full_url()
    return [url] if url else []


def urls_showing(page: Page) -> set[str]:
    """Every URL, in every language, on which ``page`` or a mention of it appears."""
    from international.models import NewsIndexPage, OpportunityIndexPage

    versions = list(Page.objects.filter(translation_key=page.translation_key).specific())
    shown = set()
    for version in versions:
        ancestors = list(version.get_ancestors().filter(depth__gt=1).specific())
        homes = [p for p in ancestors if p.depth == 2] or ([version] if version.depth == 2 else [])
        sections = [
            child.specific
            for home in homes
            for child in home.get_children().only("id", "path", "depth", "url_path")
        ]
        for shown_page in [version, *ancestors, *sections]:
            for url in _site_urls(shown_page):
                shown.add(url)
                if isinstance(shown_page, NewsIndexPage):
                    shown.update({url + "rss/", url + "atom/"})
                if isinstance(shown_page, OpportunityIndexPage):
                    shown.add(url + "kalender/")
    for site in Site.objects.all():
        shown.add(site.root_url + "/sitemap.xml")
    return shown


def _site_roots() -> set[str]:
    return {site.root_url + WHOLE_SITE for site in Site.objects.all()}


# The task ------------------------------------------------------------------------------
def _purge(urls, whole_site: bool, *, give_up_early: bool = False) -> list[str]:
    """Purge ``urls`` from every configured cache; returns those that failed (with
    ``give_up_early``, every URL from the first failure on, untried)."""
    failed = []
    urls = sorted(urls)
    for name, backend in get_backends().items():
        for position, url in enumerate(urls):
            try:
                if isinstance(backend, VarnishBackend):
                    backend.purge(url, whole_site=whole_site)
                else:
                    backend.purge(url)
            except Exception as error:  # noqa: BLE001 - every failure is retried, none raised
                logger.warning("Purge of %s from %s failed: %s", url, name, error)
                if give_up_early:
                    return sorted(set(failed) | set(urls[position:]))
                failed.append(url)
    return sorted(set(failed))


@task()
def purge_task(urls: list[str], whole_site: bool = False, attempt: int = 1) -> dict:
    """Purge ``urls`` from every configured cache; try the failed ones again later."""
    failed = _purge(urls, whole_site)
    if failed:
        if attempt < settings.PURGE_MAX_ATTEMPTS:
            run_after = timezone.now() + datetime.timedelta(
                seconds=settings.PURGE_RETRY_DELAY_SECONDS * attempt
            )
            _enqueue(failed, whole_site, attempt + 1, run_after)
        else:
            logger.error("Gave up purging %s after %s attempts", failed, attempt)
    return {"purged": len(urls) - len(failed), "failed": failed, "attempt": attempt}


def _enqueue(urls, whole_site=False, attempt=1, run_after=None) -> None:
    try:
        job = purge_task.using(run_after=run_after) if run_after else purge_task
        job.enqueue(sorted(urls), whole_site, attempt)
    except Exception:
        logger.exception("Could not queue the purge of %s", sorted(urls))


def _purge_now_or_later(urls, whole_site) -> None:
    """Purge at once, so that readers see the change within a second; what fails (a cache
    that is down) goes to the retrying task, never back to the editor."""
    try:
        failed = _purge(urls, whole_site, give_up_early=True)
    except Exception:
        logger.exception("Purge failed")
        failed = sorted(urls)
    if failed:
        _enqueue(failed, whole_site, attempt=2 if settings.PURGE_MAX_ATTEMPTS > 1 else 1)


def purge_after_commit(urls, *, whole_site: bool = False) -> None:
    if not settings.WAGTAILFRONTENDCACHE or not urls:
        return
    urls = sorted(urls)
    transaction.on_commit(lambda: _purge_now_or_later(urls, whole_site))


# Signals -------------------------------------------------------------------------------
def _urls_or_nothing(page) -> set[str]:
    try:
        return urls_showing(page)
    except Exception:
        logger.exception("Could not work out which URLs show page %s", page.pk)
        return set()


def _page_changed(sender, instance, **kwargs):
    if settings.WAGTAILFRONTENDCACHE:
        purge_after_commit(_urls_or_nothing(instance))


def _page_before_move_or_delete(sender, instance, **kwargs):
    if settings.WAGTAILFRONTENDCACHE and isinstance(instance, Page):
        # The URLs it had: after the move or delete they lead elsewhere or nowhere.
        purge_after_commit(_urls_or_nothing(instance))


def _snippet_changed(sender, instance, **kwargs):
    if kwargs.get("raw") or not settings.WAGTAILFRONTENDCACHE:
        return
    purge_after_commit(_site_roots(), whole_site=True)


def connect() -> None:
    """Connected once from ``PortalConfig.ready``."""
    from django.apps import apps

    page_published.connect(_page_changed, dispatch_uid="purge_published")
    page_unpublished.connect(_page_changed, dispatch_uid="purge_unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="purge_moved")
    pre_page_move.connect(_page_before_move_or_delete, dispatch_uid="purge_before_move")
    pre_delete.connect(_page_before_move_or_delete, dispatch_uid="purge_before_delete")
    for model in apps.get_models():
        if issubclass(model, TranslatableMixin) and not issubclass(model, Page):
            post_save.connect(_snippet_changed, sender=model, dispatch_uid=f"purge_{model}")
            post_delete.connect(_snippet_changed, sender=model, dispatch_uid=f"purge_d_{model}")
