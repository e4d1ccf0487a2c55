"""wagtail-localize's "Translate this page" and "Sync translated pages" in the page explorer,
read from two annotations of the listing instead of three queries per listed page.

wagtail-localize decides both buttons per row (are there locales without a translation?
is the page a translation source with an enabled translation?): 50 rows, 150 queries.
The explorer's queryset gets both answers as subqueries (``annotate``), and the listing
hook shows the same buttons from them; wagtail-localize's own listing hook is replaced by
this one (``replace_localize_listing_hook``). Its page header buttons, one page at a time,
stay as they are, and so does any listing of pages that was not annotated.

Wagtail's own "More" buttons ask each row's ``page.url`` without the request, so each
page reads the site root paths from the shared cache itself: a round trip per row, most of
a full page's time when the machine is loaded. The explorer's queryset hook reads them once
for the request (as Wagtail does for ``pageurl``), and ``site_root_paths_for_rows``, a
listing hook that runs before Wagtail's own, hands every annotated row that copy in the
attribute Wagtail caches it in (``_wagtail_cached_site_root_paths``). The copy lives for
the request only.

Upstream workaround (``upstream.toml``):
``tests/upstream/test_upstream_internals.py`` fails the day the hook to
replace is gone or renamed, or Wagtail stops caching a page's site root paths there.
"""

import threading
from urllib.parse import urlencode

from django.core.signals import request_finished, request_started
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.urls import reverse

# wagtail-localize's own button labels, translated by its own catalog (Swedish among them):
# called by another name so that `make messages` leaves them to it.
from django.utils.translation import gettext as wagtail_localize_gettext

from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import TranslationSource

VERSIONS = "_localize_versions"
SOURCE = "_localize_source_id"
PERMISSION = "wagtail_localize.submit_translation"
# Wagtail's attribute for a page's (or a request's) copy of ``Site.get_site_root_paths()``.
SITE_ROOT_PATHS = "_wagtail_cached_site_root_paths"


class _Listing(threading.local):
    """This thread's explorer listing: the site root paths read for its request."""

    site_root_paths = None


_listing = _Listing()


def _forget_listing(**_kwargs) -> None:
    _listing.site_root_paths = None


def annotate(parent_page, pages, request):
    """``construct_explorer_page_queryset``: each page's own-text versions and its source;
    the site root paths read once for the request's rows (module docstring)."""
    if request is not None:
        # Wagtail's own per-request copy, shared with the rows' ``pageurl``.
        _listing.site_root_paths = parent_page._get_site_root_paths(request)
    versions = (
        Page.objects.filter(translation_key=OuterRef("translation_key"), alias_of__isnull=True)
        .order_by()
        .values("translation_key")
        .annotate(count=Count("pk"))
        .values("count")
    )
    source = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        locale_id=OuterRef("locale_id"),
        translations__enabled=True,
    ).values("pk")[:1]
    return pages.annotate(
        **{VERSIONS: Subquery(versions, output_field=IntegerField()), SOURCE: Subquery(source)}
    )


def listing_buttons(page, user, view_name=None, next_url=None):
    """wagtail-localize's listing buttons, from the annotations when the page has them."""
    if not hasattr(page, VERSIONS):
        yield from localize_hooks.page_listing_more_buttons(page, user, view_name, next_url)
        return
    if page.is_root() or not user.has_perm(PERMISSION):
        return
    if (getattr(page, VERSIONS) or 0) < _locale_count():
        yield ListingButton(
            wagtail_localize_gettext("Translate this page"),
            reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id]),
            priority=60,
            icon_name="wagtail-localize-language",
        )
    source_id = getattr(page, SOURCE)
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(
            wagtail_localize_gettext("Sync translated pages"),
            url,
            priority=60,
            icon_name="resubmit",
        )


def site_root_paths_for_rows(page, user, next_url=None):
    """``register_page_listing_more_buttons``, before Wagtail's own: an annotated row gets
    the request's site root paths, so its ``page.url`` asks no shared cache. No buttons."""
    paths = _listing.site_root_paths
    if paths is not None and hasattr(page, VERSIONS) and not hasattr(page, SITE_ROOT_PATHS):
        setattr(page, SITE_ROOT_PATHS, paths)
    return []


def _locale_count() -> int:
    from core.content_cache import cached

    return cached("locale_count", (), Locale.objects.count)


def replace_localize_listing_hook() -> None:
    """Put ``listing_buttons`` in the place of wagtail-localize's listing hook."""
    registered = hooks._hooks.get("register_page_listing_more_buttons", [])
    for position, (fn, order) in enumerate(registered):
        if fn is localize_hooks.page_listing_more_buttons:
            registered[position] = (listing_buttons, order)


# Before any listing hook, Wagtail's among them (order 0).
ROWS_HOOK_ORDER = -1000
# A listing's copy of the site root paths never outlives its request.
request_started.connect(_forget_listing, dispatch_uid="explorer_listing_started")
request_finished.connect(_forget_listing, dispatch_uid="explorer_listing_finished")
