"""Cached pages for anonymous readers, purged on publish: headers, then through Varnish."""

import io
import logging
import time
import urllib.request
from urllib.error import HTTPError

from wagtail.models import Locale

import pytest

from devtools import builders
from devtools.builders import publish_human_translation
from devtools.demo import home as demo_home
from home.models import HomePage
from international.models import NewsPage
from operations.varnish import Varnish, free_port, varnishd_path

MAX_AGE = 300


@pytest.fixture
def news(home_pages):
    sv_home = home_pages["sv"]
    index = builders.NewsIndexPageFactory(parent=sv_home, title="Nyheter", slug="nyheter")
    item = builders.NewsPageFactory(parent=index, title="Utbyte i Morąg", slug="utbyte")
    return {"index": index, "item": item}


# Headers (no Varnish needed) ------------------------------------------------------------
@pytest.mark.django_db
class TestCacheControl:
    def test_public_page_is_cacheable_without_cookies(self, client, news, settings):
        settings.PORTAL_CACHE_MAX_AGE = MAX_AGE
        response = client.get("/sv/nyheter/utbyte/")
        assert response.status_code == 200
        assert response["Cache-Control"] == f"public, max-age={MAX_AGE}"
        assert not response.cookies

    def test_logged_in_editor_is_never_cached(self, client, news, admin_user):
        client.force_login(admin_user)
        response = client.get("/sv/nyheter/utbyte/")
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]

    def test_admin_and_preview_are_private(self, client, news, admin_user):
        client.force_login(admin_user)
        for url in ("/admin/", f"/admin/pages/{news['item'].pk}/edit/preview/"):
            response = client.get(url)
            assert "no-store" in response["Cache-Control"], url

    def test_a_form_with_a_csrf_token_is_private(self, client, news, home_pages):
        # The reader report form of a translated page sets the CSRF cookie.
        ar = Locale.objects.get(language_code="ar")
        page = publish_human_translation(news["item"].get_parent(), ar, {})
        item = publish_human_translation(news["item"], ar, {})
        assert page.live
        response = client.get(f"/ar/rapportera-oversattning/{item.pk}/")
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]

    def test_unknown_query_parameters_are_not_cached(self, client, news):
        assert "no-store" in client.get("/sv/nyheter/utbyte/?x=random")["Cache-Control"]
        assert "no-store" in client.get("/sv/nyheter/?topic=<script>")["Cache-Control"]
        assert "no-store" in client.get("/sv/nyheter/?page=999")["Cache-Control"]
        assert "no-store" in client.get("/sv/sok/?q=a%00b")["Cache-Control"]
        assert client.get("/sv/nyheter/?page=1")["Cache-Control"].startswith("public")
        assert client.get("/sv/sok/?q=utbyte")["Cache-Control"].startswith("public")

    def test_not_found_is_cacheable_errors_are_not(self, client, news):
        assert client.get("/sv/finns-inte/")["Cache-Control"].startswith("public")
        assert "no-store" in client.post("/sv/nyheter/utbyte/")["Cache-Control"]


# Through Varnish ------------------------------------------------------------------------
needs_varnish = pytest.mark.skipif(
    varnishd_path() is None, reason="varnishd is missing (Debian package varnish)"
)


@pytest.fixture
def varnish(live_server):
    port = int(live_server.url.rsplit(":", 1)[1])
    cache = Varnish(free_port(), [port])
    yield cache
    cache.stop()


def fetch(url: str, cookie: str = "") -> tuple[int, str, dict]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, response.read().decode(), dict(response.headers)
    except HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def visible_within(url: str, text: str, seconds: float = 1.0) -> float | None:
    """Seconds until ``text`` shows at ``url``, or None when it did not within ``seconds``."""
    start = time.monotonic()
    while time.monotonic() - start <= seconds:
        if text in fetch(url)[1]:
            return time.monotonic() - start
        time.sleep(0.05)
    return None


@needs_varnish
class TestThroughVarnish:
    @pytest.fixture
    def site(self, transactional_db, django_db_serialized_rollback, varnish, settings):
        """Swedish, Arabic and Tigrinya home pages, a news listing and one news item."""
        demo_home.load(io.StringIO())
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {
                "BACKEND": "operations.purge_backends.VarnishBackend",
                "LOCATION": varnish.url,
            }
        }
        settings.PORTAL_CACHE_MAX_AGE = 3600
        sv_home = HomePage.objects.get(locale__language_code="sv")
        index = builders.NewsIndexPageFactory(parent=sv_home, title="Nyheter", slug="nyheter")
        item = builders.NewsPageFactory(
            parent=index, title="Ungdomsutbyte i Morąg", slug="ungdomsutbyte-i-morag"
        )
        for code in ("ar", "ti"):
            locale = Locale.objects.get(language_code=code)
            publish_human_translation(index, locale, {})
            publish_human_translation(item, locale, {})
        return item

    def test_a_published_change_is_seen_within_a_second_in_every_language(self, site, varnish):
        urls = [
            f"{varnish.url}/{code}/nyheter/{suffix}"
            for code in ("sv", "ar", "ti")
            for suffix in ("", "ungdomsutbyte-i-morag/", "rss/")
        ] + [f"{varnish.url}/sv/", f"{varnish.url}/sitemap.xml"]
        for url in urls:
            fetch(url)
            status, _body, headers = fetch(url)
            assert status == 200, url
            assert headers["X-Cache"] == "HIT", url

        new_title = "Utbytet i Morąg blev av"
        for version in NewsPage.objects.filter(translation_key=site.translation_key):
            code = version.locale.language_code
            version.title = new_title if code == "sv" else f"{new_title} ({code})"
            version.save_revision().publish()
        for url in urls[:-1]:
            delay = visible_within(url, new_title)
            assert delay is not None, f"{url} still shows the old title after one second"

    def test_random_parameters_share_one_cached_copy(self, site, varnish):
        page = f"{varnish.url}/sv/nyheter/ungdomsutbyte-i-morag/"
        fetch(page)
        status, _body, headers = fetch(f"{page}?x=123&utm_source=mail")
        assert status == 200
        assert headers["X-Cache"] == "HIT"
        # A parameter the page understands is a page of its own.
        fetch(f"{varnish.url}/sv/nyheter/?page=1")
        assert fetch(f"{varnish.url}/sv/nyheter/?page=1")[2]["X-Cache"] == "HIT"

    def test_sessions_pass_and_cookies_are_never_stored(self, site, varnish):
        fetch(f"{varnish.url}/sv/")
        assert fetch(f"{varnish.url}/sv/", cookie="sessionid=abc")[2]["X-Cache"] == "MISS"
        assert fetch(f"{varnish.url}/sv/", cookie="csrftoken=x")[2]["X-Cache"] == "HIT"
        item = NewsPage.objects.get(slug="ungdomsutbyte-i-morag", locale__language_code="ar")
        report = f"{varnish.url}/ar/rapportera-oversattning/{item.pk}/"
        first = fetch(report)
        # The form carries a signed token instead of the CSRF cookie; it is never cached.
        assert not first[2].get("Set-Cookie")
        assert fetch(report)[2]["X-Cache"] == "MISS"

    def test_a_failed_purge_is_logged_and_never_fails_the_publish(self, site, caplog, settings):
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {
                "BACKEND": "operations.purge_backends.VarnishBackend",
                "LOCATION": f"http://127.0.0.1:{free_port()}",
            }
        }
        site.title = "Ny rubrik"
        with caplog.at_level(logging.WARNING, logger="operations.purge"):
            site.save_revision().publish()
        site.refresh_from_db()
        assert site.title == "Ny rubrik" and site.live
        assert any("Purge of" in record.getMessage() for record in caplog.records)
