"""Search per language: own language first, Swedish fallback marked, stemming on PostgreSQL.

The relevance tests need PostgreSQL's text-search configurations and are skipped on SQLite,
whose full-text index knows no languages.
"""

from html.parser import HTMLParser

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest

from devtools import builders

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="stemming per language needs PostgreSQL's text-search configurations",
)


class Results(HTMLParser):
    """Each result: its title, the title link's lang attribute, and its meta line."""

    def __init__(self, text):
        super().__init__()
        self.results = []
        self._field = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "li" and self._field is None and self._in_list:
            self.results.append({"title": "", "lang": None, "meta": ""})
        elif tag == "ol" and "search-results" in attrs.get("class", ""):
            self._in_list = True
        elif tag == "a" and self.results and not self.results[-1]["title"]:
            self.results[-1]["lang"] = attrs.get("lang")
            self.results[-1]["href"] = attrs.get("href")
            self._field = "title"
        elif tag == "p" and "meta" in attrs.get("class", "") and self.results:
            self._field = "meta"

    _in_list = False

    def handle_endtag(self, tag):
        if tag in {"a", "p"}:
            self._field = None
        elif tag == "ol":
            self._in_list = False

    def handle_data(self, data):
        if self._field:
            self.results[-1][self._field] += data.strip()


def search(client, language, query):
    response = client.get(f"/{language}/sok/", {"q": query})
    assert response.status_code == 200
    return Results(response.content.decode()).results


def titles(results, lang=None):
    return [result["title"] for result in results if result["lang"] == lang]


@pytest.mark.django_db
@pytest.mark.usefixtures("search_site")
class TestResultsPerLanguage:
    def test_each_language_finds_only_its_own_pages(self, client):
        assert titles(search(client, "ar", "برنامج")) == ["برنامج التبادل للشباب"]
        assert "Isweydaarsiga dhalinyarada" in titles(search(client, "so", "Isweydaarsiga"))
        assert titles(search(client, "ti", "ምትልውዋጥ")) == ["ምትልውዋጥ መንእሰያት"]
        # Another language's words find nothing there, not even as Swedish fallback.
        assert search(client, "sv", "برنامج") == []
        assert search(client, "ar", "Isweydaarsiga") == []

    def test_swedish_fallback_comes_after_and_is_marked_as_swedish(self, client):
        results = search(client, "ar", "Brønderslev")
        assert titles(results) == []
        assert titles(results, lang="sv") == ["Vänorter i Danmark"]
        [fallback] = results
        assert fallback["href"] == "/sv/nyheter/vanorter-i-danmark/"
        with translation.override("ar"):
            assert translation.gettext("Finns bara på svenska") in fallback["meta"]

    def test_marked_in_the_markup_for_screen_readers(self, client):
        html = client.get("/ar/sok/", {"q": "Brønderslev"}).content.decode()
        assert 'lang="sv" hreflang="sv" dir="ltr">Vänorter i Danmark</a>' in html
        assert '<div lang="sv" dir="ltr">\n            <p>Brønderslev och Nässjö' in html

    def test_a_translated_swedish_page_is_not_offered_beside_its_translation(self, client):
        english = search(client, "en", "Italy")
        assert titles(english) == ["Young people to Italy"]
        # Its Swedish source would match "Toscana", but the English reader has the translation.
        assert titles(search(client, "en", "Toscana"), lang="sv") == []
        assert titles(search(client, "ar", "Toscana"), lang="sv") == ["Ungdomar till Italien"]

    def test_own_language_hits_come_before_the_fallback(self, client):
        # The Somali item and both Swedish items mention Nässjö.
        languages = [result["lang"] for result in search(client, "so", "Nässjö")]
        assert "Isweydaarsiga dhalinyarada" in titles(search(client, "so", "Nässjö"))
        assert languages.count("sv") == 1
        assert languages == sorted(languages, key=lambda lang: lang == "sv")

    def test_paginates_the_fallback(self, client, search_site):
        sv_index = search_site["pages"]["vanorter-i-danmark"].get_parent()
        for number in range(12):
            builders.NewsPageFactory(
                parent=sv_index, title=f"Granskning {number}", lead="Granskningsrapport."
            )
        first = client.get("/en/sok/", {"q": "Granskning"})
        second = client.get("/en/sok/", {"q": "Granskning", "page": 2})
        assert first.context["results"].paginator.count == 12
        assert len(first.context["results"]) == 10 and len(second.context["results"]) == 2
        seen = [hit.page.pk for page in (first, second) for hit in page.context["results"]]
        assert len(set(seen)) == 12
        assert all(hit.language == "sv" for hit in first.context["results"])


@needs_postgresql
@pytest.mark.django_db
@pytest.mark.usefixtures("search_site")
class TestStemming:
    def test_swedish_plural_finds_the_singular(self, client):
        # The page says "ett utbyte"; a reader searches "utbyten".
        assert "Vänorter i Danmark" in titles(search(client, "sv", "utbyten"))

    def test_arabic_with_article_and_preposition_finds_the_same_stem(self, client):
        # The page says "للشباب" (for the youth) and "المدرسة" (the school).
        assert "برنامج التبادل للشباب" in titles(search(client, "ar", "الشباب"))
        assert "برنامج التبادل للشباب" in titles(search(client, "ar", "مدرسة"))

    def test_languages_without_a_configuration_match_whole_words(self, client):
        assert titles(search(client, "so", "dhalinyarada")) == ["Isweydaarsiga dhalinyarada"]
        # No stemmer: a word's beginning is found only by the title-beginning fallback.
        assert titles(search(client, "so", "dhalinyar")) == ["Isweydaarsiga dhalinyarada"]

    @pytest.mark.parametrize("rebuilt", [False, True], ids=["on-save", "update_index"])
    def test_each_page_is_indexed_with_its_languages_configuration(self, search_site, rebuilt):
        if rebuilt:
            call_command("update_index", verbosity=0)
        pages = search_site["pages"]
        for slug, config in [
            ("vanorter-i-danmark", "swedish"),
            ("tabadul", "arabic"),
            ("young-people-to-italy", "english"),
            ("isweydaarsi", "simple"),
        ]:
            page = pages[slug]
            content_types = [ContentType.objects.get_for_model(Page).pk, page.content_type_id]
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT strip(title) = strip(to_tsvector(%s::regconfig, %s)) "
                    "FROM wagtailsearch_indexentry "
                    "WHERE object_id = %s AND content_type_id = ANY(%s)",
                    [config, page.title, str(page.pk), content_types],
                )
                assert cursor.fetchall() == [(True,)], (slug, config)

    def test_objects_without_a_language_go_to_the_default_backend(self):
        image = Image.objects.create(title="Vänorternas möte", file=get_test_image_file())
        results = get_search_backend("default").search("vänorterna", Image)
        assert list(results) == [image]

    def test_the_backends_follow_the_languages(self):
        backends = settings.WAGTAILSEARCH_BACKENDS
        assert backends["default"]["LANGUAGE"] == "sv"
        assert backends["default"]["SEARCH_CONFIG"] == "swedish"
        assert backends["ar"]["SEARCH_CONFIG"] == "arabic"
        assert backends["ti"]["SEARCH_CONFIG"] == "simple"
        with connection.cursor() as cursor:
            cursor.execute("SELECT cfgname FROM pg_ts_config")
            available = {row[0] for row in cursor.fetchall()}
        assert {params["SEARCH_CONFIG"] for params in backends.values()} <= available
