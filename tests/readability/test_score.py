"""LIX on texts counted by hand (the count is in each test's comment), and a page's parts."""

import json

import pytest

from devtools import builders
from readability.page_text import page_readability, page_text_parts
from readability.score import Lix, lix, long_sentences


def test_short_plain_sentences():
    # Jag har en katt. | Den är svart. -> 7 words, 2 sentences, 0 long: 7/2 + 0 = 3.5
    result = lix("Jag har en katt. Den är svart.")
    assert (result.words, result.sentences, result.long_words) == (7, 2, 0)
    assert result.score == 3.5
    assert result.band == ("very-easy", "mycket lätt")


def test_bureaucratic_sentence_is_very_hard():
    # Kommunfullmäktige (17) beslutade (9) om (2) internationaliseringsstrategin (30):
    # 4 words, 1 sentence, 3 long -> 4 + 75 = 79.0
    result = lix("Kommunfullmäktige beslutade om internationaliseringsstrategin.")
    assert result.score == 79.0
    assert result.band[0] == "very-hard"


def test_text_without_sentence_end_is_one_sentence():
    # Nässjö (6, not long) kommun (6) samarbetar (10) med Brønderslev (11):
    # 5 words, 1 sentence, 2 long -> 5 + 40 = 45.0
    result = lix("Nässjö kommun samarbetar med Brønderslev")
    assert (result.sentences, result.score) == (1, 45.0)
    assert result.band[0] == "medium"


def test_colon_and_line_ends_end_sentences():
    # "Så här gör du:" (4) | "skicka in ansökan." (3) -> 7 words, 2 sentences,
    # 1 long (ansökan, 7 letters): 3.5 + 100/7 = 17.79 -> 17.8
    assert lix("Så här gör du: skicka in ansökan.").score == 17.8
    # Two headings without full stops, on their own lines: 2 sentences of 1 word each.
    result = lix("Mål\nSyfte")
    assert (result.words, result.sentences, result.score) == (2, 2, 1.0)


def test_numbers_are_not_words_and_abbreviations_do_not_end_sentences():
    # Ring | 0380-51 80 00 (no letters) | före | kl. (abbreviation) | 16.00 | i | dag.
    # 5 words, 1 sentence, 0 long -> 5.0 (a naive split at "kl." would give 2 sentences, 2.5)
    result = lix("Ring 0380-51 80 00 före kl. 16.00 i dag.")
    assert (result.words, result.sentences, result.score) == (5, 1, 5.0)
    # Vi söker t.ex. lärare och elever. -> 6 words, 1 sentence; lärare and elever have
    # exactly six letters, so none is long -> 6.0
    assert lix("Vi söker t.ex. lärare och elever.").score == 6.0


def test_hyphenated_word_counts_its_letters():
    # EU-projektet: 11 letters -> long. Det (3) är (2) ett (3) EU-projektet (11):
    # 4 words, 1 sentence, 1 long -> 4 + 25 = 29.0
    assert lix("Det är ett EU-projektet.").score == 29.0


@pytest.mark.parametrize("text", ["", "   \n\n", "... !! ?", "2026 – 0380-51 80 00"])
def test_text_without_words_has_no_score(text):
    result = lix(text)
    assert result.words == 0
    assert result.score is None
    assert result.band is None


@pytest.mark.parametrize(
    ("words", "band"),
    [(29, "very-easy"), (30, "easy"), (40, "medium"), (49, "medium"), (50, "hard"),
     (59, "hard"), (60, "very-hard")],
)  # fmt: skip
def test_band_boundaries(words, band):
    # One sentence of n short words scores exactly n.
    assert Lix(words=words, sentences=1, long_words=0).band[0] == band


def test_long_sentences_are_those_over_25_words():
    long_one = " ".join(["ord"] * 26) + "."
    short_one = " ".join(["ord"] * 25) + "."
    assert long_sentences(f"{short_one} {long_one}") == [long_one]


@pytest.fixture
def news(tree):
    body = json.dumps(
        [
            {"type": "heading", "value": "Om samarbetet", "id": "h1"},
            {
                "type": "paragraph",
                "value": "<p>Vi träffas i maj.</p><ul><li>Ungdomar</li><li>Lärare</li></ul>",
                "id": "p1",
            },
            {
                "type": "fact_box",
                "value": {
                    "title": "Fakta",
                    "text": "<p>Internationaliseringsarbetet genomförs tillsammans.</p>",
                },
                "id": "f1",
            },
            {"type": "quote", "value": {"quote": "", "attribution": ""}, "id": "q1"},
        ]
    )
    return builders.NewsPageFactory(
        parent=tree["news"], title="Besök", lead="Nässjö får besök.", body=body
    )


def test_page_parts_have_paths_to_their_fields(news):
    parts = {part.path: part.text for part in page_text_parts(news)}
    assert parts == {
        "title": "Besök",
        "lead": "Nässjö får besök.",
        "body.h1": "Om samarbetet",
        # Rich text: each paragraph and list item on its own line, so each ends a sentence.
        "body.p1": "Vi träffas i maj.\nUngdomar\nLärare",
        "body.f1.title": "Fakta",
        "body.f1.text": "Internationaliseringsarbetet genomförs tillsammans.",
    }


def test_page_readability_sums_the_parts_and_ranks_the_hardest(news):
    report = page_readability(news)
    # Besök | Nässjö får besök. | Om samarbetet | Vi träffas i maj. | Ungdomar | Lärare |
    # Fakta | Internationaliseringsarbetet genomförs tillsammans.
    # words 1+3+2+4+1+1+1+3 = 16, sentences 8; long: samarbetet, träffas (7), Ungdomar,
    # Internationaliseringsarbetet, genomförs, tillsammans -> 6: 16/8 + 100*6/16 = 39.5
    assert (report.lix.words, report.lix.sentences, report.lix.long_words) == (16, 8, 6)
    assert report.lix.score == 39.5
    assert report.hardest[0][0].path == "body.f1.text"
    assert report.long_sentences == []
