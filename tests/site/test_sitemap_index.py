"""Past the size of one sitemap file, /sitemap.xml is an index of one file per language,
each split into numbered parts when a language alone would pass it (home/seo.py)."""

import xml.etree.ElementTree as ET

from django.conf import settings

from wagtail.models import Page

import pytest

from home import seo

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def small_files(monkeypatch):
    """Two URLs a file, so that the test site needs an index."""
    monkeypatch.setattr(seo, "urls_per_file", lambda: 2)


def locations(client, path) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200, path
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own sitemap
    return [node.text for node in root.findall("s:url/s:loc", NS)]


def test_one_file_while_the_site_fits(client, home_pages, tree):
    response = client.get("/sitemap.xml")
    assert b"<urlset" in response.content
    assert len(locations(client, "/sitemap.xml")) == Page.objects.live().filter(depth__gt=1).count()


def test_an_index_of_language_files_in_parts(client, home_pages, tree, small_files):
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own sitemap
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    files = [node.text.split("/")[-1] for node in root.findall("s:sitemap/s:loc", NS)]
    swedish = Page.objects.live().filter(depth__gt=1, locale__language_code="sv")
    parts = -(-swedish.count() // 2)
    assert files[:parts] == ["sitemap-sv.xml"] + [
        f"sitemap-sv-{n}.xml" for n in range(2, parts + 1)
    ]
    # Every other language has its home page: one file each.
    assert files[parts:] == [f"sitemap-{code}.xml" for code, _name in settings.LANGUAGES[1:]]

    listed = [url for name in files[:parts] for url in locations(client, f"/{name}")]
    assert sorted(url.split("testserver")[-1] for url in listed) == sorted(
        page.url for page in swedish
    )
    assert len(listed) == len(set(listed))


def test_a_language_file_keeps_the_alternates(client, home_pages, small_files):
    response = client.get("/sitemap-ar.xml")
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own sitemap
    entry = root.find("s:url", NS)
    assert entry.find("s:loc", NS).text.endswith("/ar/")
    languages = {link.get("hreflang") for link in entry.findall("x:link", NS)}
    assert languages == {code for code, _name in settings.LANGUAGES} | {"x-default"}


def test_files_that_do_not_exist(client, home_pages, tree, small_files):
    assert client.get("/sitemap-xx.xml").status_code == 404
    assert client.get("/sitemap-sv-99.xml").status_code == 404
    assert client.get("/sitemap-sv-x.xml").status_code == 404
    # Hostile names and query strings: a 404 or the file itself, never a 500.
    for path in [
        "/sitemap-sv-0.xml",
        "/sitemap-sv-1.xml",
        "/sitemap-sv--1.xml",
        "/sitemap-sv-1e9.xml",
    ]:
        assert client.get(path).status_code == 404, path
    assert client.get("/sitemap-sv-" + "9" * 400 + ".xml").status_code == 404
    assert client.get("/sitemap-sv-%C2%B2.xml").status_code == 404
    assert client.get("/sitemap-%C3%A5%00.xml").status_code == 404
    assert client.get("/sitemap.xml?p=abc&section=%00").status_code == 200
    assert client.get("/sitemap-sv.xml?p=-1").status_code == 200


def test_the_counts_are_kept_until_a_publish(client, home_pages, tree, monkeypatch):
    """The pages per language (a count over the whole site) are counted once per content
    generation; a publish that makes the site pass a file shows as an index at once."""
    from devtools import builders

    counted = []
    count = seo.listed_per_language

    def counting():
        counted.append(1)
        return count()

    monkeypatch.setattr(seo, "listed_per_language", counting)
    listed = Page.objects.live().filter(depth__gt=1).count()
    monkeypatch.setattr(seo, "urls_per_file", lambda: listed)
    assert b"<urlset" in client.get("/sitemap.xml").content
    assert b"<urlset" in client.get("/sitemap.xml").content
    assert len(counted) == 1

    builders.NewsPageFactory(parent=tree["news"], publish=True)

    assert b"<sitemapindex" in client.get("/sitemap.xml").content
    assert len(counted) == 2
