"""Find the page a reader asks for in two queries, whatever its depth, and none when read again.

Wagtail's ``serve`` view routes by walking the tree from the site's root: the site (one
query), the active locale (one), the localized home page (two), then two queries per level
(the child by slug, then its specific row), and two more for the view restrictions of the
page and its ancestors. This middleware does the same routing before the view and hands
Wagtail the result through the attributes Wagtail itself caches it in
(``request._wagtail_site`` and ``request._wagtail_route_for_request``):

- the site, the locale and the localized home page come from the furniture cache;
- every page along the path comes in one query by ``url_path`` (Wagtail keeps
  ``url_path`` = parent's ``url_path`` + slug), the page itself in one more;
- a page along the path with routes of its own (``RoutablePageMixin``: feeds, calendars)
  answers the rest of the path itself, as Wagtail's routing would let it; any other custom
  ``route`` is called as Wagtail would call it;
- while no page has view restrictions (a cached fact), none are looked up.

Anything this does not understand is left to Wagtail's own routing.

Upstream workaround (``upstream.toml``):
``tests/upstream/test_upstream_internals.py`` fails, naming this module, the
day Wagtail stops reading its route from ``request._wagtail_route_for_request``.
"""

from django.http import Http404
from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from core import content_cache as furniture
from core.fragments import allow_fragments
from core.release import release


def _specific(page: Page) -> Page:
    """The specific instance of a plain ``Page`` row, with its locale: one query."""
    model = page.specific_class
    if model is None:
        return page.specific
    return model.objects.select_related("locale").get(pk=page.pk)


def _chain(root: Page, components: list[str]) -> list[Page]:
    """The root and each existing page along ``components``, in one query (by slug, inside
    the root's subtree, both indexed; ``url_path`` is not)."""
    chain = [root]
    if not components:
        return chain
    candidates = Page.objects.filter(
        path__startswith=root.path,
        depth__gt=root.depth,
        depth__lte=root.depth + len(components),
        slug__in=set(components),
    )
    by_url_path = {page.url_path: page for page in candidates}
    url_path = root.url_path
    for component in components:
        url_path += f"{component}/"
        page = by_url_path.get(url_path)
        if page is None:
            break
        chain.append(page)
    return chain


def _answers_itself(page: Page, remaining: list[str]) -> bool:
    """Would Wagtail's routing stop at ``page`` and let it route the rest?"""
    model = page.specific_class
    if model is None or getattr(model, "route", Page.route) is Page.route:
        return False
    if issubclass(model, RoutablePageMixin):
        if not page.live:
            return False
        try:
            model.get_resolver().resolve("/" + "".join(f"{c}/" for c in remaining))
        except Http404:
            return False
    return True


def _find(path: str, root: Page) -> tuple[Page, list[str] | None]:
    """The specific page that answers ``path``, and the rest of the path when the page
    routes it itself (``None`` when the page is the answer); ``Http404`` if none does."""
    components = [component for component in path.split("/") if component]
    chain = _chain(root, components)
    for depth, page in enumerate(chain):
        remaining = components[depth:]
        if _answers_itself(page, remaining):
            return _specific(page), remaining
    if len(chain) <= len(components) or not chain[-1].live:
        raise Http404
    specific = _specific(chain[-1])
    if len(chain) > 1:
        specific._cached_parent_obj = chain[-2]
    return specific, None


class _NotKept(Exception):
    """A page found for a path that names more than a page or one of its fixed routes."""


def _fixed_route(page: Page, remaining: list[str]) -> bool:
    """Does ``remaining`` name one of the routable page's routes without parameters (its
    feeds, its calendar)? A route with parameters, or a custom ``route``, could be any text."""
    if not isinstance(page, RoutablePageMixin):
        return False
    match = page.get_resolver().resolve("/" + "".join(f"{c}/" for c in remaining))
    return not match.args and not match.kwargs


def route(request, path: str, root: Page) -> RouteResult:
    """Wagtail's routing result for ``path``. The page found is kept for the content
    generation (any publish, move or delete starts a new one), so a page read again costs no
    query. Only a path that names a page or one of its fixed routes is kept: a path that
    finds no page, or one that any text could fill, would leave an entry for every URL a
    crawler tries."""

    def find():
        page, remaining = _find(path, root)
        if remaining and not _fixed_route(page, remaining):
            raise _NotKept(page, remaining)
        return page, remaining

    # The release in the key: a deploy may change the page models the kept pages were made of.
    try:
        page, remaining = furniture.cached("route", (release(), root.pk, path), find)
    except _NotKept as not_kept:
        page, remaining = not_kept.args
    if remaining is not None:
        return page.route(request, remaining)
    return RouteResult(page)


class RoutingMiddleware:
    """Routes Wagtail pages from the cache and two queries (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        site = furniture.current_site(request)
        if site is None:
            return None
        locale = furniture.locale_for(get_language() or "")
        root = furniture.localized_root(site, locale)
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        try:
            result = route(request, path, root)
        except Http404:
            result = None
        if result is not None:
            # The live page, served to a reader: its template may keep parts (core.fragments).
            allow_fragments(request)
            if not furniture.has_view_restrictions():
                # No page has restrictions: spare Wagtail's two queries for the page's.
                result.page.get_view_restrictions = PageViewRestriction.objects.none
        request._wagtail_route_for_request = result
        return None
