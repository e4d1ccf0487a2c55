"""Short strings go to DeepL with the page title and their neighbour as ``context``."""

import pytest

from translation.deepl.context import SHORT_TEXT_CHARS, contexts_for, make_batches

PARAGRAPH = (
    "Mottagningen för nyanlända har öppet på vardagar, och du kan boka tid "
    "för ett samtal på flera språk."
)


def test_short_texts_get_title_and_next_longer_text_long_texts_none():
    texts = ["Mottagning", "Boka tid", f"<p>{PARAGRAPH}</p>", "Kontakt"]
    assert len(PARAGRAPH) >= SHORT_TEXT_CHARS
    assert contexts_for(texts, title="Mottagning") == [
        PARAGRAPH,  # the title itself: its neighbour only
        f"Mottagning\n{PARAGRAPH}",
        None,
        f"Mottagning\n{PARAGRAPH}",  # no longer text after it: the previous one
    ]
    # One request per shared context, the long text in a request without context.
    assert make_batches(texts, title="Mottagning") == [
        ([0], PARAGRAPH),
        ([1, 3], f"Mottagning\n{PARAGRAPH}"),
        ([2], None),
    ]


@pytest.mark.django_db
def test_draft_requests_carry_context_for_short_strings(deepl, make_page):
    make_page(title="Mottagning", intro="Boka tid", body=f"<p>{PARAGRAPH}</p>")

    requests = deepl.translate_requests("PL")
    by_text = {text: entry["context"] for entry in requests for text in entry["sent"]}
    assert by_text["Boka tid"] == f"Mottagning\n{PARAGRAPH}"
    assert by_text["Mottagning"] == PARAGRAPH
    assert by_text[PARAGRAPH] is None, by_text  # a rich-text paragraph is sent without <p>
