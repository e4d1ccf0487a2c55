"""Site search over every page type, in the reader's language only.

A plain GET form and view: no session, no CSRF token, so searching sets no cookie.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def clean_query(raw: str) -> str:
    """Whitespace-normalised, control characters and the UTF-8 replacement mark removed."""
    text = "".join(ch for ch in raw[: MAX_QUERY_LENGTH * 4] if ch.isprintable() or ch == " ")
    text = text.replace("\ufffd", " ")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search_pages(query: str, locale: Locale):
    """Live, public pages of ``locale`` matching ``query``; Swedish aliases are left out."""
    own_pages = Page.objects.filter(locale=locale, alias_of__isnull=True).values("id")
    pages = (
        Page.objects.live()
        .public()
        .filter(locale=locale)
        .filter(id__in=own_pages)
        .exclude(depth__lte=1)
    )
    results = pages.search(query)
    if not results.count():
        # Swedish compounds: "ungdom" should find "Ungdomsutbyte". Titles only, as a fallback.
        results = pages.autocomplete(query)
    return results


@require_safe
def search(request):
    query = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        locale = Locale.get_active()
        paginator = Paginator(search_pages(query, locale), RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("page"))
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
