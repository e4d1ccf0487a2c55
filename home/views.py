"""Site search over every page type, in the reader's language, then Swedish pages it lacks.

Pages of the reader's language come first, searched with that language's backend (its
stemming on PostgreSQL, see ``portal/settings/search.py``). After them come the Swedish pages
that have no published translation in the reader's language, searched as Swedish and marked
as Swedish, so that a reader of a language with few translations still finds the content.
A plain GET form and view: no session, no CSRF token, so searching sets no cookie.
"""

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from wagtail.models import Locale, Page

from core.content_cache import cached, locale_for, public
from core.fragments import allow_fragments

from .search_query import ReaderQuery, parse_reader_query

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


# Zero-width (non-)joiners belong to Persian words and emoji sequences; other invisible
# characters are dropped.
KEPT_INVISIBLE = {" ", "\u200c", "\u200d"}


def clean_query(raw: str) -> str:
    """Whitespace-normalised, control characters and the UTF-8 replacement mark removed."""
    text = "".join(
        ch for ch in raw[: MAX_QUERY_LENGTH * 4] if ch.isprintable() or ch in KEPT_INVISIBLE
    )
    text = text.replace("\ufffd", " ")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


@dataclass(frozen=True)
class SearchHit:
    page: Page
    # The language the page is written in; differs from the reader's for Swedish fallback.
    language: str
    is_fallback: bool


def backend_for(language_code: str) -> str:
    """The search backend of a language: its own on PostgreSQL, the one default on SQLite."""
    return language_code if language_code in settings.WAGTAILSEARCH_BACKENDS else "default"


def searchable_pages(locale: Locale):
    """Live, public pages of ``locale`` written in it: aliases of other pages are left out."""
    # Aliases are few (wagtail-localize's stand-ins for untranslated parents) and known for
    # the content generation (a new page starts one): excluded by id, the planner counts the
    # language's pages right and starts the search from the match's index (a subquery
    # "own pages" made it expect a ninth of them and probe the entries page by page).
    aliases = cached(
        "alias-ids",
        (locale.pk,),
        lambda: list(
            Page.objects.filter(locale=locale, alias_of__isnull=False).values_list("id", flat=True)
        ),
    )
    pages = public(Page.objects.live()).filter(locale=locale).exclude(depth__lte=1)
    if aliases:
        pages = pages.exclude(id__in=aliases)
    # The results come back as their page types in one query per type, not one per result.
    return pages.specific()


def search_in(pages, reader_query: ReaderQuery, backend: str):
    results = pages.search(reader_query.search, backend=backend)
    if reader_query.prefix_words and not results.count():
        # Swedish compounds: "ungdom" should find "Ungdomsutbyte". Titles only, as a fallback.
        results = pages.autocomplete(reader_query.prefix_words, backend=backend)
    return results


class ReaderResults:
    """The reader's language's hits, then the Swedish fallback hits, as one pageable list."""

    def __init__(self, own, own_language: str, fallback, fallback_language: str):
        self.own = own
        self.own_language = own_language
        self.fallback = fallback
        self.fallback_language = fallback_language

    @cached_property
    def own_count(self) -> int:
        return self.own.count()

    @cached_property
    def fallback_count(self) -> int:
        return self.fallback.count() if self.fallback is not None else 0

    def count(self) -> int:
        return self.own_count + self.fallback_count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key: slice) -> list[SearchHit]:
        start, stop = key.start or 0, key.stop if key.stop is not None else self.count()
        hits = []
        if start < self.own_count:
            own_pages = self.own[start : min(stop, self.own_count)]
            hits += [SearchHit(page, self.own_language, False) for page in own_pages]
        if stop > self.own_count and self.fallback_count:
            first, last = max(start - self.own_count, 0), stop - self.own_count
            hits += [
                SearchHit(page, self.fallback_language, True) for page in self.fallback[first:last]
            ]
        return hits


def search_results(reader_query: ReaderQuery, locale: Locale) -> ReaderResults:
    code = locale.language_code
    own = search_in(searchable_pages(locale), reader_query, backend_for(code))
    # The source locale from the shared cache: Locale.get_default() is a query a search.
    source = locale_for(settings.LANGUAGE_CODE) or Locale.get_default()
    if source.pk == locale.pk:
        return ReaderResults(own, code, None, code)
    translated = Page.objects.live().filter(locale=locale, alias_of__isnull=True)
    untranslated = Page.objects.filter(locale=source).exclude(
        translation_key__in=translated.values("translation_key")
    )
    swedish = searchable_pages(source).filter(id__in=untranslated.values("id"))
    fallback = search_in(swedish, reader_query, backend_for(source.language_code))
    return ReaderResults(own, code, fallback, source.language_code)


@require_safe
def search(request):
    # A reader's page: its footer may be kept (core.fragments); its header names the query.
    allow_fragments(request)
    query = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        reader_query = parse_reader_query(query)
        locale = locale_for(get_language() or "") or Locale.get_active()
        hits = [] if reader_query is None else search_results(reader_query, locale)
        paginator = Paginator(hits, RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("page"))
    # Only a clean query (and the page number served) may fill the HTTP cache.
    page = request.GET.get("page")
    request.portal_query_cacheable = (
        set(request.GET) <= {"q", "page"}
        and request.GET.get("q", "") == query
        and (page is None or (results is not None and page == str(results.number)))
    )
    return render(
        request,
        "home/search.html",
        {
            "query": query,
            "results": results,
            "max_length": MAX_QUERY_LENGTH,
            # Turning the page keeps the search.
            "query_string": urlencode({"q": query}),
        },
    )
