"""Purge the HTTP cache (Varnish, a CDN) when what readers see changes.

Wagtail's ``frontend_cache`` purges a published page's own URL. A reader sees a page in
many more places: its translations, the listings and home pages above it, the news feeds,
the calendar of deadlines, the sitemap. So, on publish, unpublish, move and delete of a
page in any language, this purges, in every language:

- the page and its translations (before and after a move);
- every ancestor (the listings, the section pages, the home page), and the section pages
  right under each home (the strategy and partner pages list news, projects and goals);
- the paths each of those pages' types name in Wagtail's ``get_cached_paths`` (the RSS and
  Atom feeds of a news listing, the calendar of an opportunity listing);
- ``/sitemap.xml``, and the page's language files of a sitemap index.

A change to a snippet (menus, footer, partners, goals) shows on many pages: the whole site is
purged (Varnish bans every URL of the host). So does any change of a view restriction (a
password, login-only, groups: set, changed or removed, in any language): it covers the whole
subtree below the page and decides whether a cached copy may be served at all, and it is rare.

The purge runs right after the commit, through the backends of ``WAGTAILFRONTENDCACHE``
(a PURGE to Varnish on loopback takes a millisecond), so that readers see the change within a
second without waiting for a worker. What a cache failed to purge (``operations/purge_backends.py``
makes every backend's failure visible) is logged and handed to a background task that tries
that cache again ``PURGE_RETRY_DELAY_SECONDS`` later, doubling the delay after each failure,
at most ``PURGE_MAX_ATTEMPTS`` attempts in all, then logs an error and gives up (the pages
expire after ``PORTAL_CACHE_MAX_AGE``). It never reaches the communicator as a failed publish.
"""

import datetime
import logging
from types import SimpleNamespace

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.utils import timezone

from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page, PageViewRestriction, Site, TranslatableMixin
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from django_tasks import task

from operations.purge_backends import PurgeFailed, VarnishBackend, purge_with

__all__ = ["PurgeFailed", "VarnishBackend", "purge_after_commit", "purge_task", "urls_showing"]

logger = logging.getLogger(__name__)

WHOLE_SITE = "/"


# Which URLs show a page ---------------------------------------------------------------
# Whole rows of Wagtail's page table, no specific table: ``specific_deferred`` then makes
# the specific instance (for ``get_cached_paths``) without a query of its own.


def _urls_of(page: Page, cache_holder) -> set[str]:
    """The page's URL and the paths its type says show it (Wagtail's ``get_cached_paths``:
    feeds, calendars), asked of the specific class without loading its row."""
    url = page.get_full_url(request=cache_holder)
    if not url:
        return set()
    return {url + path.lstrip("/") for path in page.specific_deferred.get_cached_paths()}


def urls_showing(page: Page) -> set[str]:
    """Every URL, in every language, on which ``page`` or a mention of it appears.

    In four queries whatever the number of languages: this runs in the publish request."""
    versions = list(
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(depth=1)
        .select_related("locale")
    )
    step = Page.steplen
    # Every ancestor below the root, the home of each language among them.
    ancestor_paths = {
        version.path[:end]
        for version in versions
        for end in range(2 * step, len(version.path), step)
    }
    home_paths = {version.path[: 2 * step] for version in versions}
    shown_pages = [*versions, *Page.objects.filter(path__in=ancestor_paths)]
    if home_paths:
        under_a_home = Q()
        for home_path in home_paths:
            under_a_home |= Q(path__startswith=home_path)
        # The section pages right under each home (listings, strategy, partners).
        shown_pages += Page.objects.filter(under_a_home, depth=3)
    cache_holder = SimpleNamespace()  # Wagtail keeps the site root paths on it, once
    shown = set()
    for shown_page in shown_pages:
        shown |= _urls_of(shown_page, cache_holder)
    languages = {version.locale.language_code for version in versions}
    for site in Site.objects.all():
        shown.add(site.root_url + "/sitemap.xml")
        # The language files of a sitemap index (home/seo.py); a language's later parts
        # (past some 4,000 pages) expire after their max-age instead.
        shown |= {f"{site.root_url}/sitemap-{code}.xml" for code in languages}
    return shown


def _site_roots() -> set[str]:
    return {site.root_url + WHOLE_SITE for site in Site.objects.all()}


# The task ------------------------------------------------------------------------------
def retry_delay(failed_attempt: int) -> int:
    """Seconds between a failed attempt and the next: the delay, doubled after each."""
    return settings.PURGE_RETRY_DELAY_SECONDS * 2 ** (failed_attempt - 1)


def _purge(urls, whole_site, *, only=None, stop_at_first_failure=False) -> dict[str, PurgeFailed]:
    """Purge ``urls`` from every configured cache (or those named in ``only``); returns
    what failed, by backend."""
    failures = {}
    for name, backend in get_backends().items():
        if only is not None and name not in only:
            continue
        try:
            purge_with(
                backend, urls, whole_site=whole_site, stop_at_first_failure=stop_at_first_failure
            )
        except PurgeFailed as failure:
            failures[name] = failure
        except Exception as error:  # noqa: BLE001 - a broken backend is retried like the rest
            failures[name] = PurgeFailed(urls, repr(error))
    return failures


def _retry_or_give_up(name, failure: PurgeFailed, whole_site: bool, attempt: int) -> None:
    """Queue the next attempt of what ``name`` (None: every cache) failed to purge, or, after
    the last attempt, give up; both are logged."""
    maximum = settings.PURGE_MAX_ATTEMPTS
    cache = name or "every cache"
    if attempt >= maximum:
        logger.error(
            "Gave up purging %s URL(s) from %s after %s attempts: %s; they stay cached until "
            "they expire. URLs: %s",
            len(failure.urls),
            cache,
            attempt,
            failure.reason,
            " ".join(failure.urls),
        )
        return
    delay = retry_delay(attempt)
    logger.warning(
        "Purge of %s URL(s) from %s failed (attempt %s of %s): %s; trying again in %s s",
        len(failure.urls),
        cache,
        attempt,
        maximum,
        failure.reason,
        delay,
    )
    run_after = timezone.now() + datetime.timedelta(seconds=delay)
    _enqueue(failure.urls, whole_site, attempt + 1, name, run_after)


@task()
def purge_task(
    urls: list[str], whole_site: bool = False, attempt: int = 1, backend: str | None = None
) -> dict:
    """Purge ``urls`` from the cache ``backend`` (every cache when None); what fails is
    tried again later, at most ``PURGE_MAX_ATTEMPTS`` attempts in all."""
    only = None if backend is None else {backend}
    failures = _purge(urls, whole_site, only=only)
    for name, failure in failures.items():
        _retry_or_give_up(name, failure, whole_site, attempt)
    failed = sorted({url for failure in failures.values() for url in failure.urls})
    return {"purged": len(set(urls)) - len(failed), "failed": failed, "attempt": attempt}


def _enqueue(urls, whole_site, attempt, backend, run_after) -> None:
    try:
        purge_task.using(run_after=run_after).enqueue(sorted(urls), whole_site, attempt, backend)
    except Exception:
        # The task queue (the database) is down too: nothing more to do than say so.
        logger.exception("Could not queue the purge of %s from %s", sorted(urls), backend)


def _purge_now_or_later(urls, whole_site) -> None:
    """Purge at once, so that readers see the change within a second; what fails (a cache
    that is down) goes to the retrying task, never back to the editor."""
    try:
        failures = _purge(urls, whole_site, stop_at_first_failure=True)
    except Exception:  # e.g. a backend that cannot be configured
        logger.exception("Purge failed")
        failures = {None: PurgeFailed(urls, "the backends could not be loaded")}
    for name, failure in failures.items():
        _retry_or_give_up(name, failure, whole_site, attempt=1)


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


def _restriction_changed(sender, instance=None, **kwargs):
    if kwargs.get("raw") or not settings.WAGTAILFRONTENDCACHE:
        return
    purge_after_commit(_site_roots(), whole_site=True)


def connect() -> None:
    """Connected once from ``PortalConfig.ready``."""
    from django.apps import apps

    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed, sender=PageViewRestriction, dispatch_uid=f"purge_pvr_{signal!r}"
        )
    m2m_changed.connect(
        _restriction_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="purge_pvr_groups",
    )

    page_published.connect(_page_changed, dispatch_uid="purge_published")
    page_unpublished.connect(_page_changed, dispatch_uid="purge_unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="purge_moved")
    pre_page_move.connect(_page_before_move_or_delete, dispatch_uid="purge_before_move")
    pre_delete.connect(_page_before_move_or_delete, dispatch_uid="purge_before_delete")
    for model in apps.get_models():
        if issubclass(model, TranslatableMixin) and not issubclass(model, Page):
            post_save.connect(_snippet_changed, sender=model, dispatch_uid=f"purge_{model}")
            post_delete.connect(_snippet_changed, sender=model, dispatch_uid=f"purge_d_{model}")
