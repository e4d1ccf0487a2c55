"""Which responses an HTTP cache (Varnish, a CDN) may keep, and for how long.

A page is the same for every anonymous reader, so a public page answers with
``Cache-Control: public, max-age=PORTAL_CACHE_MAX_AGE`` and Varnish serves it until it
expires or a publish purges it (``operations/purge.py``). Everything else says
``private, no-store``:

- a logged-in user's response (an editor sees the same URL with the userbar, drafts,
  messages), the admin, previews, and anything that sets a cookie (a CSRF token in a form,
  a session): no ``Set-Cookie`` ever goes into a shared cache;
- a request with a query string the view did not accept as valid (``mark_query_cacheable``):
  ``?x=random`` on a page that takes no parameters, or a hostile filter value, reaches the
  application but never fills the cache with copies of the same page;
- errors other than 404 and anything that is not GET or HEAD;
- a page with a view restriction (its own or an ancestor's), whether the reader gets the
  password form or, having given the password, the page: neither may be stored by a
  shared cache.

A session cookie that names no session (expired, or junk) is not deleted on a public URL:
Django's session middleware would answer it with a deleting ``Set-Cookie``, and public URLs
set no cookie (the reader's browser keeps sending it; it opens nothing).

A response that already says what it wants (``Cache-Control`` set by the view, e.g. the
sitemap) keeps it, unless one of the rules above makes it private.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

CACHEABLE_STATUSES = {200, 203, 204, 301, 404, 410}
NEVER_CACHED_PREFIXES = ("/admin/", "/django-admin/")


def mark_query_cacheable(request, cacheable: bool = True) -> None:
    """Say that this request's query string is one the view understood and validated."""
    request.portal_query_cacheable = cacheable


def _is_authenticated(request) -> bool:
    # Touch request.user only when a session cookie exists: reading it for an anonymous
    # reader without one would cost nothing, but this keeps the rule visible.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def _restricted_page(request) -> bool:
    """Whether the page Wagtail served has view restrictions (``home/routing.py`` leaves
    ``get_view_restrictions`` without a query while no page has any)."""
    route = getattr(request, "_wagtail_route_for_request", None)
    page = getattr(route, "page", None)
    return page is not None and page.get_view_restrictions().exists()


def _keep_session_cookie(request, response) -> None:
    """Drop the deletion of a session cookie that names no session, on public URLs."""
    name = settings.SESSION_COOKIE_NAME
    if request.path.startswith(NEVER_CACHED_PREFIXES) or name not in request.COOKIES:
        return
    morsel = response.cookies.get(name)
    if morsel is not None and morsel.value == "" and str(morsel["max-age"]) == "0":
        del response.cookies[name]


def is_cacheable(request, response) -> bool:
    if request.method not in ("GET", "HEAD") or response.status_code not in CACHEABLE_STATUSES:
        return False
    if request.path.startswith(NEVER_CACHED_PREFIXES) or getattr(request, "is_preview", False):
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    if _is_authenticated(request) or _restricted_page(request):
        return False
    # A query string the view did not validate must not fill the cache.
    return not request.GET or getattr(request, "portal_query_cacheable", False)


class CacheControlMiddleware:
    """Sets ``Cache-Control`` on every response, public or private (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        _keep_session_cookie(request, response)
        if is_cacheable(request, response):
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, public=True, max_age=settings.PORTAL_CACHE_MAX_AGE)
        else:
            if response.has_header("Cache-Control"):
                del response["Cache-Control"]
            patch_cache_control(response, private=True, no_store=True, max_age=0)
        return response
