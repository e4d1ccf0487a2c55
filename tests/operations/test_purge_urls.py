"""Which URLs a publish purges: every place a page shows, in few queries (it runs in the
publish request)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Site

import pytest

from devtools import builders
from devtools.builders import publish_human_translation
from operations.purge import urls_showing


@pytest.fixture
def item(home_pages):
    sv_home = home_pages["sv"]
    index = builders.NewsIndexPageFactory(parent=sv_home, title="Nyheter", slug="nyheter")
    builders.OpportunityIndexPageFactory(parent=sv_home)
    item = builders.NewsPageFactory(parent=index, title="Utbyte i Morąg", slug="utbyte")
    translate(index, item, "ar")
    return item


def translate(index, item, code):
    locale = Locale.objects.get(language_code=code)
    publish_human_translation(index, locale, {})
    publish_human_translation(item, locale, {})


def queries_of_urls_showing(page) -> tuple[set[str], int]:
    with CaptureQueriesContext(connection) as queries:
        urls = urls_showing(page)
    return urls, len(queries)


@pytest.mark.django_db
def test_every_place_a_news_item_shows_in_each_of_its_languages(item):
    root = Site.objects.get(is_default_site=True).root_url
    urls, _count = queries_of_urls_showing(item)
    expected = {
        f"{root}{path}"
        for path in [
            "/sv/",
            "/sv/nyheter/",
            "/sv/nyheter/rss/",
            "/sv/nyheter/atom/",
            "/sv/nyheter/utbyte/",
            "/sv/mojligheter/",
            "/sv/mojligheter/kalender/",
            "/ar/",
            "/ar/nyheter/",
            "/ar/nyheter/rss/",
            "/ar/nyheter/utbyte/",
            "/sitemap.xml",
        ]
    }
    assert expected <= urls
    # A language the item is not in is left alone.
    assert not any("/en/" in url for url in urls)


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_languages(item):
    _urls, with_two = queries_of_urls_showing(item)  # the site root paths are cached now
    _urls, with_two = queries_of_urls_showing(item)
    index = item.get_parent()
    for code in ("ti", "fi", "uk"):
        translate(index, item, code)
    urls, with_five = queries_of_urls_showing(item)
    assert any(url.endswith("/uk/nyheter/utbyte/") for url in urls)
    assert with_five == with_two <= 4
