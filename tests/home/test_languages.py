import re

from django.conf import settings

import pytest

HTML_TAG = re.compile(r"<html lang=\"(?P<lang>[^\"]+)\" dir=\"(?P<dir>[^\"]+)\">")
RIGHT_TO_LEFT = {"ar", "fa"}


@pytest.mark.parametrize("code", [code for code, _ in settings.LANGUAGES])
def test_each_language_home_page_has_its_lang_and_direction(client, home_pages, code):
    response = client.get(f"/{code}/")

    assert response.status_code == 200
    match = HTML_TAG.search(response.content.decode())
    assert match, "no <html lang dir> tag"
    assert match["lang"] == code
    assert match["dir"] == ("rtl" if code in RIGHT_TO_LEFT else "ltr")
    assert home_pages[code].title in response.content.decode()


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("ar,en;q=0.8", "/ar/"),
        ("ti", "/ti/"),
        ("so-SO,so;q=0.9", "/so/"),
        ("de-DE,fi;q=0.5", "/fi/"),
        ("de-DE,fr;q=0.5", "/sv/"),
        ("", "/sv/"),
    ],
)
def test_root_redirects_to_the_best_accepted_language(
    client, home_pages, accept_language, expected
):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == expected


def test_unknown_language_prefix_ends_in_a_404_page(client, home_pages):
    response = client.get("/xx/", follow=True)

    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


def test_somali_and_tigrinya_have_language_names(home_pages):
    assert home_pages["so"].locale.language_name_local == "Soomaali"
    assert home_pages["ti"].locale.language_name_local == "ትግርኛ"
    assert home_pages["ti"].locale.is_bidi is False
    assert home_pages["ar"].locale.is_bidi is True


def test_translated_home_pages_are_not_swedish_fallback(client, home_pages):
    swedish = client.get("/sv/").content.decode()
    english = client.get("/en/").content.decode()

    assert home_pages["sv"].intro in swedish
    assert home_pages["sv"].intro not in english
