"""Which language a reader is in, and where each other language leads from here.

A page counts as a *translation* only when it is live and is not an alias. wagtail-localize
creates untranslated parents as live aliases of the Swedish pages, so ``/en/parent/`` can
serve Swedish text: such a page is never offered in the switcher, in ``hreflang`` or in the
sitemap as the English version.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Page, Site

from core.languages import language_direction


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    # True when the page has a published translation in this language; False when the
    # link falls back to that language's home page.
    is_translation: bool

    @property
    def direction(self) -> str:
        return language_direction(self.code)

    @property
    def is_fallback(self) -> bool:
        """Leads to another page than this one in that language: the switcher says so."""
        return not self.is_translation and not self.is_current


def is_translation(page: Page) -> bool:
    """A live page that carries its own text (not an alias of a page in another locale)."""
    return page.live and page.alias_of_id is None


def _published_versions(keys: set, request=None) -> dict:
    """{translation_key: {language code: live non-alias page}}, from the shared cache
    (``core.content_cache``) and kept per request; one query for the keys it lacks."""
    from core.content_cache import cached_many

    store = getattr(request, "_portal_published_versions", None) if request is not None else None
    if store is None:
        store = {}
        if request is not None:
            request._portal_published_versions = store
    wanted = [key for key in keys if key and key not in store]
    if wanted:
        store.update(cached_many("versions", wanted, _query_versions))
    return {key: store.get(key) or {} for key in keys if key}


def _query_versions(keys) -> dict:
    """{translation_key: {language code: live non-alias page}} for ``keys``: one query."""
    versions = {key: {} for key in keys}
    pages = (
        Page.objects.live()
        .filter(translation_key__in=keys, alias_of__isnull=True)
        .select_related("locale")
    )
    for page in pages:
        versions[page.translation_key][page.locale.language_code] = page
    return versions


def _keys(page: Page | None, request) -> tuple:
    """The translation keys of the page and of the site's home page."""
    page_key = getattr(page, "translation_key", None) if page is not None else None
    site = _site(request)
    home_key = site.root_page.translation_key if site is not None else None
    return page_key, home_key


def published_translations(page: Page | None, request=None) -> dict[str, Page]:
    """The live, non-alias versions of ``page`` keyed by language code (the page included)."""
    page_key, home_key = _keys(page, request)
    if not page_key:
        return {}
    # The homes come in the same query: the language switcher needs them next.
    return _published_versions({page_key, home_key}, request)[page_key]


def _site(request) -> Site | None:
    from core.content_cache import current_site

    site = current_site(request)
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    return site


def _view_translations(request) -> dict[str, str]:
    """For a Django view inside the language prefixes (e.g. search): its URL in each language.

    Such a view exists in every language, so the switcher keeps the reader on it (with the
    query string) instead of sending them to a home page. Wagtail's own serve view and
    unresolved paths (404) give nothing here.
    """
    match = getattr(request, "resolver_match", None) if request is not None else None
    if match is None or match.url_name in (None, "wagtail_serve"):
        return {}
    path = request.path
    query = request.GET.urlencode()
    urls = {}
    for code, _name in settings.LANGUAGES:
        translated = translate_url(path, code)
        if translated == path and code != get_language():
            return {}
        urls[code] = translated + (f"?{query}" if query else "")
    return urls


def language_links(page: Page | None, request) -> list[LanguageLink]:
    """One link per site language: the page's published translation, else that language's home.

    One query for the page's translations and the homes together (shared with the hreflang
    links through the request). A language with neither a published translation of this page
    nor a published home page of its own is left out.
    """
    current = get_language()
    page_key, home_key = _keys(page, request)
    versions = _published_versions({page_key, home_key}, request)
    translations = versions.get(page_key, {})
    homes = versions.get(home_key, {})
    view_urls = _view_translations(request) if page is None else {}

    links = []
    for code, name in settings.LANGUAGES:
        if code in view_urls and code in homes:
            links.append(
                LanguageLink(
                    code=code,
                    name=name,
                    url=view_urls[code],
                    is_current=code == current,
                    is_translation=True,
                )
            )
            continue
        target = translations.get(code)
        if code == current and page is not None and getattr(page, "live", False):
            # The reader is here already (also on an alias page, which has no translation).
            target = page
        translated = target is not None
        if target is None:
            target = homes.get(code)
        if target is None:
            continue
        url = target.get_url(request=request)
        if not url:
            continue
        links.append(
            LanguageLink(
                code=code,
                name=name,
                url=url,
                is_current=code == current,
                is_translation=translated,
            )
        )
    return links
