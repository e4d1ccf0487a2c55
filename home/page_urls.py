"""The URLs of many pages from their ``url_path`` alone, as ``Page.get_url(request)`` gives them.

``Page.get_url`` looks up the page's site, activates its language, reverses
``wagtail_serve`` and compares sites, some 130 µs a page, and it needs a whole page object.
A sitemap file of the nine languages' versions of a few thousand pages made that most of its
time. A page's URL depends only on its ``url_path`` (the site root paths carry the sites and
their languages), so this reverses once per language and joins each page's path to it,
quoted as Django's ``reverse`` quotes it. Whatever is not the plain case (a page under the
roots of two sites, a path ``wagtail_serve`` would not match) is left to Wagtail itself.
"""

from urllib.parse import quote

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.regex_helper import _lazy_re_compile

from wagtail import urls as wagtail_urls
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from core.content_cache import current_site

# The characters Django's reverse() leaves unquoted (RFC 3986 pchar).
SAFE = "!$&'()*+,;=" + "/~:@"
SERVE_PATH = _lazy_re_compile(wagtail_urls.serve_pattern)


class PageUrls:
    """``url(url_path)`` equals ``Page(url_path=url_path).get_url(request)``."""

    def __init__(self, request):
        self.request = request
        self.root_paths = Page()._get_site_root_paths(request)
        self.site_count = len({root.site_id for root in self.root_paths})
        self.site = current_site(request)
        self._prefixes = {}

    def _prefix(self, language_code: str) -> str | None:
        """What ``wagtail_serve`` reverses to in ``language_code`` for the site's root."""
        if language_code not in self._prefixes:
            language = language_code
            if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
                try:
                    active = translation.get_language()
                    if get_supported_content_language_variant(active) == language_code:
                        language = active
                except LookupError:
                    pass
            try:
                with translation.override(language):
                    self._prefixes[language_code] = reverse("wagtail_serve", args=("",))
            except NoReverseMatch:
                self._prefixes[language_code] = None
        return self._prefixes[language_code]

    def url(self, url_path: str) -> str | None:
        roots = [root for root in self.root_paths if url_path.startswith(root.root_path)]
        if not roots:
            return None
        if len({root.site_id for root in roots}) > 1 or not getattr(
            settings, "WAGTAIL_APPEND_SLASH", True
        ):
            return Page(url_path=url_path).get_url(request=self.request)
        site_id, root_path, root_url, language_code = roots[0]
        rest = url_path[len(root_path) :]
        prefix = self._prefix(language_code)
        if prefix is None or not SERVE_PATH.search(rest):
            return Page(url_path=url_path).get_url(request=self.request)
        # reverse() quotes the whole path; the prefix is ASCII and already quoted.
        path = prefix + quote(rest, safe=SAFE)
        if (self.site is not None and site_id == self.site.id) or self.site_count == 1:
            return path
        return root_url + path
