"""sitemap.xml and robots.txt, outside the language prefixes.

The sitemap lists every published page in every language that carries its own text, with
its published translations as ``xhtml:link`` alternates. Aliases (Swedish text under another
language's URL) are left out, as are pages that are not public.
"""

from collections import defaultdict

from django.conf import settings
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from wagtail.models import Page

from core.absolute_urls import absolute
from core.content_cache import public


def sitemap_entries(request) -> list[dict]:
    pages = list(
        public(Page.objects.live())
        .filter(alias_of__isnull=True, depth__gt=1)
        .select_related("locale")
        .order_by("path")
    )
    by_key = defaultdict(dict)
    urls = {}
    for page in pages:
        url = page.get_url(request=request)
        if not url:
            continue
        urls[page.pk] = absolute(url)
        by_key[page.translation_key][page.locale.language_code] = page
    order = [code for code, _name in settings.LANGUAGES]
    entries = []
    for page in pages:
        if page.pk not in urls:
            continue
        versions = by_key[page.translation_key]
        alternates = []
        if len(versions) > 1:
            alternates = [(code, urls[versions[code].pk]) for code in order if code in versions]
            source = versions.get(settings.LANGUAGE_CODE)
            if source is not None:
                alternates.append(("x-default", urls[source.pk]))
        entries.append(
            {
                "location": urls[page.pk],
                "lastmod": page.last_published_at,
                "alternates": alternates,
            }
        )
    return entries


@require_safe
@cache_control(max_age=3600, public=True)
def sitemap(request):
    return TemplateResponse(
        request,
        "sitemap.xml",
        {"entries": sitemap_entries(request)},
        content_type="application/xml; charset=utf-8",
    )


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
