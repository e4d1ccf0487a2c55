"""No cookies, a strict CSP, the sitemap with alternates, robots.txt and page weight."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from django.conf import settings

from wagtail.models import Page

import pytest

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}
STATIC = Path(settings.BASE_DIR) / "site" / "static"
# The font files a page in each script can need at most (both weights where shipped).
SCRIPT_FONTS = {
    "latin": ["noto-sans-latin-400-normal", "noto-sans-latin-700-normal"],
    # Polish needs Latin Extended-A only (scripts/build_font_subsets.py).
    "latin-ext-a": ["noto-sans-latin-ext-a-400-normal", "noto-sans-latin-ext-a-700-normal"],
    "cyrillic": ["noto-sans-cyrillic-400-normal", "noto-sans-cyrillic-700-normal"],
    "arabic": ["noto-sans-arabic-core-400-normal", "noto-sans-arabic-core-700-normal"],
    "ethiopic": ["noto-sans-ethiopic-ethiopic-400-normal"],
    # The switcher's names in other scripts, on every page.
    "autonyms": [
        "portal-autonyms-arab-400",
        "portal-autonyms-ethi-400",
        "portal-autonyms-cyrl-400",
        "portal-autonyms-punct-400",
    ],
}
EVERY_PAGE = ["latin", "latin-ext-a", "autonyms"]
LANGUAGE_SCRIPTS = {
    "sv": EVERY_PAGE,
    "en": EVERY_PAGE,
    "fi": EVERY_PAGE,
    "so": EVERY_PAGE,
    "pl": EVERY_PAGE,
    "uk": [*EVERY_PAGE, "cyrillic"],
    "ar": [*EVERY_PAGE, "arabic"],
    "fa": [*EVERY_PAGE, "arabic"],
    "ti": [*EVERY_PAGE, "ethiopic"],
}


def public_urls():
    urls = [p.url for p in Page.objects.live().filter(depth__gt=1) if p.url]
    urls += [f"/{code}/finns-inte/" for code, _name in settings.LANGUAGES]
    return [*urls, "/sitemap.xml", "/robots.txt"]


@pytest.mark.django_db
@pytest.mark.usefixtures("site_pages")
class TestPrivacy:
    def test_anonymous_readers_get_no_cookies(self, client):
        for url in public_urls():
            response = client.get(url)
            assert response.status_code in (200, 404), url
            assert not response.cookies, f"{url} set {list(response.cookies)}"
            assert "Set-Cookie" not in response.headers, url

    def test_public_pages_forbid_everything_but_the_site_itself(self, client):
        for url in ["/sv/", "/ar/finns-inte/", "/sitemap.xml"]:
            policy = client.get(url).headers["Content-Security-Policy"]
            assert "default-src 'self'" in policy
            assert "unsafe-inline" not in policy
            assert "http" not in policy

    def test_the_admin_is_left_without_the_public_policy(self, client):
        response = client.get("/admin/login/")
        assert response.status_code == 200
        assert "Content-Security-Policy" not in response.headers

    def test_pages_load_nothing_from_another_host(self, client):
        # Links out (<a href>) are fine; what the browser fetches by itself is not.
        resource = re.compile(r"<(?:link|script|img|iframe|source|video|audio)\b[^>]*>", re.I)
        address = re.compile(r'\b(?:src|href|srcset|poster)="([^"]+)"', re.I)
        for url in public_urls()[:-2]:
            html = client.get(url).content.decode()
            for tag in resource.findall(html):
                if re.search(r'rel="(?:canonical|alternate)"', tag):
                    continue  # addresses for crawlers, never fetched by a reader's browser
                for value in address.findall(tag):
                    assert not value.startswith("//"), (url, tag)
                    if value.startswith("http"):
                        assert value.startswith("http://testserver/"), (url, tag)


@pytest.mark.django_db
@pytest.mark.usefixtures("site_pages")
class TestSitemapAndRobots:
    def test_sitemap_lists_translations_with_alternates_and_no_aliases(self, client):
        response = client.get("/sitemap.xml")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/xml")
        root = ET.fromstring(response.content)  # noqa: S314 - the site's own sitemap
        entries = {}
        for url in root.findall("s:url", SITEMAP_NS):
            location = url.find("s:loc", SITEMAP_NS).text
            entries[location] = {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP_NS)
            }
        paths = {location.removeprefix("http://testserver") for location in entries}
        assert "/so/om-oss/" not in paths  # a Swedish alias is no Somali page
        assert {f"/{code}/" for code, _name in settings.LANGUAGES} <= paths
        assert {"/sv/om-oss/", "/en/om-oss/"} <= paths
        about = entries["http://testserver/sv/om-oss/"]
        assert about == {
            "sv": "http://testserver/sv/om-oss/",
            "en": "http://testserver/en/om-oss/",
            "x-default": "http://testserver/sv/om-oss/",
        }
        for alternates in entries.values():
            for href in alternates.values():
                assert client.get(href.removeprefix("http://testserver")).status_code == 200

    def test_robots_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(self, client):
        response = client.get("/robots.txt")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        text = response.content.decode()
        assert "Disallow: /admin/" in text
        assert "Sitemap: http://testserver/sitemap.xml" in text


@pytest.mark.django_db
@pytest.mark.usefixtures("site_pages")
def test_first_visit_stays_under_200_kb_even_with_every_font_it_could_need(client):
    css = (STATIC / "css" / "site.css").read_bytes()
    fonts = {path.stem: path.stat().st_size for path in (STATIC / "fonts").glob("*.woff2")}
    referenced = set(re.findall(r"fonts/([\w-]+)\.woff2", css.decode()))
    assert referenced == set(fonts), "every shipped font is used by site.css, and no other"
    for code, scripts in LANGUAGE_SCRIPTS.items():
        html = client.get(f"/{code}/").content
        font_bytes = sum(fonts[name] for script in scripts for name in SCRIPT_FONTS[script])
        total = len(html) + len(css) + font_bytes
        assert total < 200 * 1024, f"/{code}/ could weigh {total} bytes"


def test_stylesheet_uses_logical_properties_only():
    css = re.sub(r"/\*.*?\*/", "", (STATIC / "css" / "site.css").read_text(), flags=re.S)
    physical = re.findall(
        r"[\w-]*(?:left|right)[\w-]*\s*:|:\s*(?:left|right)\b|\b(?:top|bottom)\s*:", css
    )
    assert not physical, f"physical properties in site.css: {physical}"
