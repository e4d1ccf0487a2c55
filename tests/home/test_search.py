"""Site search: every page type, the reader's language only, no cookies, no errors."""

import pytest

from devtools import builders


@pytest.fixture
def pages(tree, locales, english_home):
    builders.NewsPageFactory(parent=tree["news"], title="Vänorter i Danmark", lead="Brønderslev")
    builders.OpportunityPageFactory(
        parent=tree["opportunities"], title="Ungdomsutbyte i Italien", summary="Toscana"
    )
    builders.ProjectPageFactory(parent=tree["projects"], title="Gröna stråk", summary="Interreg")
    index_en = tree["news"].copy_for_translation(locales["en"])
    index_en.title = "News"
    index_en.save_revision().publish()
    builders.NewsPageFactory(
        parent=index_en, locale=locales["en"], title="Twin towns in Denmark", lead="Brønderslev"
    )
    return tree


def result_titles(response, *, fallback=False):
    """Titles of the hits in the reader's language, or of the Swedish fallback hits."""
    return [
        hit.page.specific.title
        for hit in response.context["results"]
        if hit.is_fallback == fallback
    ]


def test_search_finds_pages_of_every_type(client, pages):
    assert "Vänorter i Danmark" in result_titles(client.get("/sv/sok/", {"q": "Danmark"}))
    assert "Ungdomsutbyte i Italien" in result_titles(client.get("/sv/sok/", {"q": "Toscana"}))
    assert "Gröna stråk" in result_titles(client.get("/sv/sok/", {"q": "Interreg"}))
    assert "Tillgänglighetsredogörelse" in result_titles(
        client.get("/sv/sok/", {"q": "Tillgänglighetsredogörelse"})
    )


def test_search_finds_opportunities_and_projects_by_their_programme(client, tree):
    programme = builders.ProgrammeFactory(name="Nordplus", slug="nordplus")
    builders.OpportunityPageFactory(
        parent=tree["opportunities"], title="Klassutbyte", summary="Skolor", programme=programme
    )
    builders.ProjectPageFactory(
        parent=tree["projects"], title="Läsfrämjande", summary="Bibliotek", programme=programme
    )

    titles = result_titles(client.get("/sv/sok/", {"q": "Nordplus"}))

    assert {"Klassutbyte", "Läsfrämjande"} <= set(titles)


def test_search_falls_back_to_the_beginning_of_title_words(client, pages):
    assert "Ungdomsutbyte i Italien" in result_titles(client.get("/sv/sok/", {"q": "ungdom"}))


def test_search_returns_the_readers_language_then_untranslated_swedish(client, pages):
    swedish = client.get("/sv/sok/", {"q": "Brønderslev"})
    english = client.get("/en/sok/", {"q": "Brønderslev"})
    assert result_titles(swedish) == ["Vänorter i Danmark"]
    assert result_titles(swedish, fallback=True) == []
    assert result_titles(english) == ["Twin towns in Denmark"]
    # The Swedish page has no English translation: offered after, as Swedish.
    assert result_titles(english, fallback=True) == ["Vänorter i Danmark"]


def test_search_leaves_out_swedish_aliases(client, pages, locales):
    """An untranslated page copied into another locale as an alias is Swedish text."""
    alias = pages["projects"].create_alias(
        parent=pages["home"].get_translation(locales["en"]), update_locale=locales["en"]
    )
    assert alias.live
    response = client.get("/en/sok/", {"q": "Projekt"})
    assert result_titles(response) == []
    hits = list(response.context["results"])
    assert [(hit.page.url, hit.language) for hit in hits] == [("/sv/projekt/", "sv")]


def test_search_sets_no_cookie_and_has_no_csrf_token(client, pages):
    response = client.get("/sv/sok/", {"q": "Danmark"})
    assert response.status_code == 200
    assert not response.cookies
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert '<form class="search-form" role="search" method="get"' in html


@pytest.mark.parametrize(
    "query",
    ["?q=" + "a" * 10_000, "?q=%ff", "?q=%00%01", "?q=&page=abc", "?q=Danmark&page=999999", "?q="],
)
def test_bad_search_input_gives_a_page(client, pages, query):
    response = client.get("/sv/sok/" + query)
    assert response.status_code == 200


def test_long_search_is_cut_to_a_reasonable_length(client, pages):
    response = client.get("/sv/sok/", {"q": "Danmark " * 2000})
    assert len(response.context["query"]) <= 200


def test_search_rejects_post(client, pages):
    assert client.post("/sv/sok/", {"q": "x"}).status_code == 405
