"""The sitemap builds its URLs from the pages' paths (home/page_urls.py) and its alternates
once per page: the result must be what Wagtail's ``Page.get_url`` and the per-link template
gave, byte for byte.
"""

import xml.etree.ElementTree as ET

from django.conf import settings
from django.test import RequestFactory

from wagtail.models import Page, Site

import pytest

from core.absolute_urls import absolute
from devtools import builders
from home.page_urls import PageUrls

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def odd_pages(home_pages, tree, locales):
    """Slugs in other scripts, a translated item, and a second site under its own host."""
    news = builders.NewsPageFactory(parent=tree["news"], title="Utbyte", slug="utbyte-2026")
    builders.NewsPageFactory(parent=tree["news"], title="تبادل", slug="تبادل-الشباب")
    builders.NewsPageFactory(parent=tree["news"], title="Обмін", slug="обмін")
    news_ar = tree["news"].copy_for_translation(locales["ar"])
    news_ar.save_revision().publish()
    item_ar = news.copy_for_translation(locales["ar"])
    item_ar.slug = "تبادل"
    item_ar.save_revision().publish()
    other_root = builders.NewsPageFactory(
        parent=Page.get_first_root_node(), title="Annan", slug="annan"
    )
    builders.NewsPageFactory(parent=other_root, title="Inne", slug="inne")
    Site.objects.create(hostname="other.example", port=443, root_page=other_root)
    return tree


def test_page_urls_are_wagtails(odd_pages):
    request = RequestFactory().get("/sitemap.xml")
    urls = PageUrls(request)
    pages = list(Page.objects.order_by("path"))
    assert len(pages) > 20
    for page in pages:
        assert urls.url(page.url_path) == page.get_url(request=request), page.url_path
    # Some of them are of the other site: a full URL with its host.
    assert any(
        (urls.url(page.url_path) or "").startswith("https://other.example") for page in pages
    )


def expected_entries(client):
    """What the sitemap listed before: Wagtail's URL of every listed page and its versions."""
    request = client.get("/").wsgi_request
    listed = Page.objects.live().filter(alias_of__isnull=True, depth__gt=1).order_by("path")
    order = [code for code, _name in settings.LANGUAGES]
    entries = []
    for page in listed.select_related("locale"):
        versions = {
            version.locale.language_code: absolute(version.get_url(request=request))
            for version in listed.filter(translation_key=page.translation_key).select_related(
                "locale"
            )
        }
        alternates = []
        if len(versions) > 1:
            alternates = [(code, versions[code]) for code in order if code in versions]
            if settings.LANGUAGE_CODE in versions:
                alternates.append(("x-default", versions[settings.LANGUAGE_CODE]))
        entries.append((absolute(page.get_url(request=request)), alternates))
    return entries


def listed_entries(content: bytes):
    root = ET.fromstring(content)  # noqa: S314 - the site's own sitemap
    return [
        (
            url.find("s:loc", NS).text,
            [(link.get("hreflang"), link.get("href")) for link in url.findall("x:link", NS)],
        )
        for url in root.findall("s:url", NS)
    ]


def test_the_sitemap_lists_wagtails_urls_and_alternates(client, odd_pages):
    response = client.get("/sitemap.xml")

    assert listed_entries(response.content) == expected_entries(client)
    assert b'\n  <xhtml:link rel="alternate" hreflang="ar" href="' in response.content
