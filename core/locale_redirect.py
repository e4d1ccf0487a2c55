"""LocaleMiddleware that never sends a missing admin or document URL to a language prefix.

Django's ``LocaleMiddleware`` answers a 404 on an unprefixed path with a redirect to the same
path under the active language when that path resolves inside ``i18n_patterns``. Wagtail's
catch-all ``serve`` route resolves everything, so every 404 under ``/admin/`` became a
redirect to ``/sv/admin/...`` and then a 404 *page* of the reader site: the translation
editor's snippet fetch read that HTML as JSON (``Unexpected token '<'``), and a string saved
to a removed segment was lost. Paths under a route that lives outside ``i18n_patterns``
(``admin/``, ``documents/``) keep their 404; readers' paths are redirected as before.

Works around Django 5.2's ``LocaleMiddleware.process_response`` (no setting limits the
redirect). ``tests/upstream/test_upstream_django_locale.py`` fails, naming this module, the
day Django stops redirecting such a 404.
"""

from functools import cache

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation
from django.utils.cache import patch_vary_headers


@cache
def unprefixed_routes(urlconf) -> tuple[str, ...]:
    """The top-level include routes of ``urlconf`` outside ``i18n_patterns`` ("admin/")."""
    routes = []
    for pattern in get_resolver(urlconf).url_patterns:
        if isinstance(pattern, URLResolver) and not isinstance(
            pattern.pattern, LocalePrefixPattern
        ):
            route = str(pattern.pattern).lstrip("^")
            if route:
                routes.append(route)
    return tuple(routes)


class UnprefixedLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        if response.status_code == 404 and request.path_info.lstrip("/").startswith(
            unprefixed_routes(urlconf)
        ):
            # What Django does for an unprefixed path, without the redirect.
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
