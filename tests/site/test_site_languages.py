"""Language in the markup, the language switcher, hreflang and canonical links."""

from html.parser import HTMLParser

from django.conf import settings
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import translation

from wagtail.models import Page, Site

import pytest

from home.languages import language_links, published_translations

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
RTL = {"ar", "fa"}


class Markup(HTMLParser):
    """Collects what these tests look at: <html>, <main>, switcher links, head links."""

    def __init__(self, text):
        super().__init__()
        self.html = {}
        self.main = {}
        self.switcher = []
        self.head_links = []
        self._in_switcher = False
        self._link = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html = attrs
        elif tag == "main":
            self.main = attrs
        elif tag == "nav" and "language-switcher" in attrs.get("class", ""):
            self._in_switcher = True
        elif tag == "a" and self._in_switcher:
            self._link = {**attrs, "text": ""}
        elif tag == "link":
            self.head_links.append(attrs)

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_switcher = False
        elif tag == "a" and self._link is not None:
            self._link["text"] = " ".join(self._link["text"].split())
            self.switcher.append(self._link)
            self._link = None

    def handle_data(self, data):
        if self._link is not None:
            self._link["text"] += data

    def alternates(self):
        return {
            link["hreflang"]: link["href"]
            for link in self.head_links
            if link.get("rel") == "alternate" and "hreflang" in link
        }

    def canonical(self):
        return next((lk["href"] for lk in self.head_links if lk.get("rel") == "canonical"), None)


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return Markup(response.content.decode())


def live_urls():
    return [
        (page.locale.language_code, page.url)
        for page in Page.objects.live().filter(depth__gt=1).select_related("locale")
        if page.url
    ]


@pytest.mark.django_db
@pytest.mark.usefixtures("site_pages")
class TestLanguageMarkup:
    def test_every_live_page_declares_its_language_and_direction(self, client):
        urls = live_urls()
        assert len(urls) >= len(LANGUAGE_CODES) + 2
        for code, url in urls:
            html = get(client, url).html
            assert html["lang"] == code, url
            assert html["dir"] == ("rtl" if code in RTL else "ltr"), url

    @pytest.mark.parametrize("code", LANGUAGE_CODES)
    def test_not_found_page_is_in_the_language_of_its_url(self, client, code):
        markup = get(client, f"/{code}/finns-inte/", status=404)
        assert markup.html["lang"] == code
        assert markup.html["dir"] == ("rtl" if code in RTL else "ltr")
        # No page: every language leads to its home page, and says so.
        assert [link["hreflang"] for link in markup.switcher] == LANGUAGE_CODES
        assert all(link["href"] == f"/{link['hreflang']}/" for link in markup.switcher)

    def test_alias_shows_swedish_text_marked_as_swedish(self, client, site_pages):
        markup = get(client, "/so/om-oss/")
        assert markup.html["lang"] == "so"
        assert markup.main["lang"] == "sv"
        response = client.get("/so/om-oss/")
        assert "Boggan weli laguma hayo luqaddaada" in response.content.decode()
        # The canonical version is the Swedish page; no alternates are claimed.
        assert markup.canonical().endswith("/sv/om-oss/")
        assert markup.alternates() == {}


@pytest.mark.django_db
@pytest.mark.usefixtures("site_pages")
class TestLanguageSwitcher:
    def test_links_to_translations_and_falls_back_to_homes_honestly(self, client):
        links = {link["hreflang"]: link for link in get(client, "/sv/om-oss/").switcher}
        assert links["sv"]["href"] == "/sv/om-oss/"
        assert links["sv"]["aria-current"] == "true"
        assert links["en"]["href"] == "/en/om-oss/"
        assert links["en"]["text"] == "English"
        # Somali has only an alias of the Swedish page: that is not a translation.
        assert links["so"]["href"] == "/so/"
        assert links["so"]["text"] == "Soomaali (bogga hore)"
        assert links["ar"]["href"] == "/ar/"
        assert links["ar"]["text"] == "العربية (الصفحة الرئيسية)"
        assert links["ti"]["text"] == "ትግርኛ (ቀዳማይ ገጽ)"
        assert {code: link["lang"] for code, link in links.items()} == {c: c for c in links}

    def test_autonyms_in_site_order(self, client):
        names = [link["text"] for link in get(client, "/ar/").switcher]
        assert names == [name for _code, name in settings.LANGUAGES]

    def test_switcher_hreflang_and_canonical_only_point_to_pages_that_answer(self, client):
        checked = set()
        for _code, url in live_urls():
            markup = get(client, url)
            targets = [link["href"] for link in markup.switcher]
            targets += list(markup.alternates().values())
            targets.append(markup.canonical())
            for target in targets:
                assert target, url
                if target in checked:
                    continue
                assert client.get(target).status_code == 200, f"{target} linked from {url}"
                checked.add(target)
        assert len(checked) > len(LANGUAGE_CODES)

    def test_hreflang_lists_published_translations_only(self, client):
        alternates = get(client, "/sv/om-oss/").alternates()
        assert set(alternates) == {"sv", "en", "x-default"}
        assert alternates["x-default"] == alternates["sv"]
        assert alternates["en"].startswith("http://testserver/")
        home_alternates = get(client, "/ti/").alternates()
        assert set(home_alternates) == {*LANGUAGE_CODES, "x-default"}

    def test_a_draft_translation_is_not_offered(self, client, site_pages):
        english = site_pages["about"].get_translation(
            site_pages["about"].locale.__class__.objects.get(language_code="en")
        )
        english.unpublish()
        links = {link["hreflang"]: link for link in get(client, "/sv/om-oss/").switcher}
        assert links["en"]["href"] == "/en/"
        assert "en" not in get(client, "/sv/om-oss/").alternates()


@pytest.mark.django_db
@pytest.mark.usefixtures("site_pages")
def test_switcher_and_hreflang_share_one_query(site_pages, rf, django_assert_num_queries):
    page = site_pages["about"]
    request = rf.get("/sv/om-oss/")
    Site.find_for_request(request)  # the site is looked up once per request anyway
    page.get_url(request=request)  # and so are the site's root paths
    with translation.override("sv"), django_assert_num_queries(1):
        links = language_links(page, request)
        alternates = published_translations(page, request)
    assert len(links) == len(LANGUAGE_CODES)
    assert set(alternates) == {"sv", "en"}


@pytest.mark.django_db
@pytest.mark.usefixtures("site_pages")
@pytest.mark.parametrize(
    ("accept", "target"), [("ar,en;q=0.5", "/ar/"), ("ti", "/ti/"), ("", "/sv/")]
)
def test_the_bare_domain_sends_readers_to_their_language(client, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target
    assert not response.cookies


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_server_error_page_is_in_the_readers_language(code):
    with translation.override(code):
        markup = Markup(render_to_string("500.html"))
    assert markup.html["lang"] == code
    assert markup.html["dir"] == ("rtl" if code in RTL else "ltr")


@pytest.mark.django_db
@pytest.mark.usefixtures("site_pages")
@override_settings(ROOT_URLCONF="tests.site.urls_i18n")
def test_a_view_outside_wagtail_keeps_the_reader_on_it_in_every_language(client):
    markup = get(client, "/ar/prov/?q=Nässjö")
    assert markup.html["lang"] == "ar"
    links = {link["hreflang"]: link for link in markup.switcher}
    assert links["ti"]["href"] == "/ti/prov/?q=N%C3%A4ssj%C3%B6"
    assert links["ti"]["text"] == "ትግርኛ"
    assert links["ar"]["aria-current"] == "true"
