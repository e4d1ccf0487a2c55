"""No public URL sets a cookie, whatever the method; every public page says what it may use.

The demo content is loaded once (built once per test process: tests/shared_demo.py); every
live page in every language, its feeds and calendar, the report form of every translated page,
search, sitemap, robots and a missing page are requested with GET, HEAD, OPTIONS and TRACE.
"""

import io

from django.core.management import call_command
from django.test import Client, TestCase

from wagtail.models import Page

from review.models import ReaderReport
from tests import shared_demo

METHODS = ("get", "head", "options", "trace")


class PublicUrlsSetNoCookies(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("compile_catalogs", stdout=io.StringIO())
        shared_demo.load_demo()

    def public_urls(self) -> list[str]:
        urls = {"/", "/sitemap.xml", "/robots.txt", "/sv/finns-inte/", "/ar/sok/?q=%22"}
        for page in Page.objects.live().filter(depth__gt=1).specific():
            url = page.get_url()
            if not url:
                continue
            urls.add(url)
            name = type(page).__name__
            if name == "NewsIndexPage":
                urls |= {f"{url}rss/", f"{url}atom/"}
            if name == "OpportunityIndexPage":
                urls.add(f"{url}kalender/")
            code = page.locale.language_code
            if code != "sv":
                urls.add(f"/{code}/rapportera-oversattning/{page.pk}/")
                urls.add(f"/{code}/rapportera-oversattning/{page.pk}/?skickad=1")
        return sorted(urls)

    def test_no_method_on_any_public_url_sets_a_cookie(self):
        urls = self.public_urls()
        assert len(urls) > 50
        reader = Client()
        report_forms = 0
        for url in urls:
            statuses = {}
            for method in METHODS:
                response = getattr(reader, method)(url)
                statuses[method] = response.status_code
                assert response.status_code < 500, (method, url)
                assert not response.cookies, (method, url, response.cookies)
                assert "Set-Cookie" not in response.headers, (method, url)
            assert statuses["head"] == statuses["get"], (url, statuses)
            if statuses["get"] == 200 and "rapportera" in url:
                report_forms += 1
        assert report_forms > 5
        assert not reader.cookies

    def test_public_pages_carry_permissions_policy(self):
        reader = Client()
        for url in ("/sv/", "/ar/", "/sv/sok/?q=a", "/sv/finns-inte/"):
            response = reader.get(url, follow=True)
            policy = response.headers.get("Permissions-Policy", "")
            assert "camera=()" in policy, url
            assert "geolocation=()" in policy, url
            assert "microphone=()" in policy, url

    def test_a_report_still_works_without_a_cookie(self):
        page = Page.objects.live().exclude(locale__language_code="sv").filter(depth__gt=1).first()
        url = f"/{page.locale.language_code}/rapportera-oversattning/{page.pk}/"
        reader = Client(enforce_csrf_checks=True)
        form = reader.get(url)
        token = form.context["form"]["token"].value()
        response = reader.post(
            url,
            {"part": "title", "problem": "Fel ord", "token": token},
            headers={"Origin": "http://testserver"},
        )
        assert response.status_code == 302
        assert not response.cookies
        assert ReaderReport.objects.filter(page=page).count() == 1
