"""sitemap.xml and robots.txt, outside the language prefixes.

The sitemap lists every published page in every language that carries its own text, with
its published translations as ``xhtml:link`` alternates. Aliases (Swedish text under another
language's URL) are left out, as are pages that are not public.

A sitemap file may hold at most 50,000 URLs and 10 MB. When the whole site could pass
either (counted in one query, with each URL's size bounded by its alternates in every
language), ``/sitemap.xml`` becomes a sitemap index of one file per language
(``/sitemap-sv.xml``), each split again into numbered parts (``/sitemap-sv-2.xml``) when a
language alone could pass them. Each file is built from its own pages and their
translations, in the same few queries whatever the size of the site.
"""

import math
from collections import defaultdict

from django.conf import settings
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from wagtail.models import Page

from core.absolute_urls import absolute
from core.content_cache import cached, public

from .page_urls import PageUrls

MAX_URLS = 50_000
MAX_BYTES = 10 * 1000 * 1000
# An upper bound of one <url> element: its location and lastmod, and an alternate link in
# every language (and x-default), each with a URL of up to this many bytes.
URL_BYTES = 200


def _listed():
    return public(Page.objects.live()).filter(alias_of__isnull=True, depth__gt=1)


def urls_per_file() -> int:
    entry_bytes = 150 + URL_BYTES * (len(settings.LANGUAGES) + 2)
    return min(MAX_URLS, MAX_BYTES // entry_bytes)


def sitemap_entries(request, language_code: str | None = None, part: int = 1) -> list[dict]:
    """The entries of the whole site, or of one language's ``part`` (1, 2, ...)."""
    # Rows, not page objects: a language file reads the versions of thousands of pages.
    listed = _listed().order_by("path")
    fields = ("pk", "translation_key", "url_path", "last_published_at", "locale__language_code")
    if language_code is None:
        pages = versions = list(listed.values_list(*fields))
    else:
        size = urls_per_file()
        pages = list(
            listed.filter(locale__language_code=language_code).values_list(*fields)[
                (part - 1) * size : part * size
            ]
        )
        keys = {page[1] for page in pages}
        versions = (
            list(listed.filter(translation_key__in=keys).values_list(*fields)) if pages else []
        )
    page_urls = PageUrls(request)
    by_key = defaultdict(dict)
    urls = {}
    for pk, key, url_path, _lastmod, code in versions:
        url = page_urls.url(url_path)
        if not url:
            continue
        urls[pk] = absolute(url)
        by_key[key][code] = pk
    order = [code for code, _name in settings.LANGUAGES]
    # The alternates are the same for every version of a page: their markup is made once per
    # page, not once per version (a whole-site file has nine times as many links as URLs).
    links = {}
    entries = []
    for pk, key, _url_path, lastmod, _code in pages:
        if pk not in urls:
            continue
        if key not in links:
            links[key] = _alternate_links(by_key[key], urls, order)
        entries.append({"location": urls[pk], "lastmod": lastmod, "links": links[key]})
    return entries


def _alternate_links(versions: dict, urls: dict, order: list[str]) -> str:
    """The ``xhtml:link`` elements of a page's published versions, as the template wrote them."""
    if len(versions) < 2:
        return ""
    alternates = [(code, urls[versions[code]]) for code in order if code in versions]
    source = versions.get(settings.LANGUAGE_CODE)
    if source is not None:
        alternates.append(("x-default", urls[source]))
    return mark_safe(  # noqa: S308 - every value is escaped here
        "".join(
            f'\n  <xhtml:link rel="alternate" hreflang="{escape(code)}" href="{escape(url)}"/>'
            for code, url in alternates
        )
    )


def listed_per_language() -> dict[str, int]:
    """{language: pages the sitemap lists}: a count over every page of the site, so kept
    for the content generation (issue 24; any publish, unpublish, move, delete or view
    restriction starts a new one)."""
    return dict(
        _listed().values_list("locale__language_code").annotate(count=Count("pk")).order_by()
    )


def sitemap_files() -> list[str] | None:
    """The files of the sitemap index, or ``None`` when one file holds the whole site."""
    per_file = urls_per_file()
    counts = cached("sitemap-counts", (), listed_per_language)
    if sum(counts.values()) <= per_file:
        return None
    files = []
    for code, _name in settings.LANGUAGES:
        parts = math.ceil(counts.get(code, 0) / per_file)
        for part in range(1, parts + 1):
            suffix = f"-{part}" if part > 1 else ""
            files.append(absolute(reverse("sitemap_part", args=[f"{code}{suffix}"])))
    return files


def _urlset(request, entries):
    return TemplateResponse(
        request,
        "sitemap.xml",
        {"entries": entries},
        content_type="application/xml; charset=utf-8",
    )


@require_safe
@cache_control(max_age=3600, public=True)
def sitemap(request):
    files = sitemap_files()
    if files is None:
        return _urlset(request, sitemap_entries(request))
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"files": files},
        content_type="application/xml; charset=utf-8",
    )


@require_safe
@cache_control(max_age=3600, public=True)
def sitemap_part(request, name: str):
    """One language's file (or part of it) of the sitemap index: ``sv``, ``sv-2``."""
    code, dash, number = name.partition("-")
    if code not in dict(settings.LANGUAGES):
        raise Http404
    # The first part has no number ("sv"), the others "sv-2" on: one address per file. ASCII
    # digits only ("²" is a digit to str.isdigit), and few of them (an offset past what the
    # database takes would be an error, not a 404).
    if not dash:
        part = 1
    elif number.isascii() and number.isdigit() and len(number) <= 6 and int(number) >= 2:
        part = int(number)
    else:
        raise Http404
    entries = sitemap_entries(request, code, part)
    if not entries and part > 1:
        raise Http404
    return _urlset(request, entries)


@require_safe
@cache_control(max_age=86400, public=True)
def robots(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Allow: /",
        f"Sitemap: {absolute(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
