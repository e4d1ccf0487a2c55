"""An empty listing says that there is nothing yet, and speaks of the filter only when one
is set (news, opportunities, projects; in Arabic as in Swedish)."""

from django.utils import translation

import pytest

from devtools import builders
from international.choices import OpportunityKind

EMPTY = {
    "news": ("Det finns inga nyheter ännu.", "Inga nyheter matchar filtret."),
    "opportunities": ("Det finns inga möjligheter ännu.", "Inga möjligheter matchar filtret."),
    "projects": ("Det finns inga projekt ännu.", "Inga projekt matchar filtret."),
}


@pytest.fixture
def arabic_indexes(tree, locales):
    ar = locales["ar"]
    tree["home"].copy_for_translation(ar).save_revision().publish()
    pages = {}
    for name in EMPTY:
        page = tree[name].copy_for_translation(ar)
        page.save_revision().publish()
        pages[name] = page
    builders.TopicFactory(slug="unga")
    return pages


def filtered_query(name) -> dict:
    return {
        "news": {"topic": "unga"},
        "opportunities": {"kind": OpportunityKind.YOUTH_EXCHANGE},
        "projects": {"status": "ongoing"},
    }[name]


@pytest.mark.parametrize("name", list(EMPTY))
def test_an_empty_arabic_listing_says_there_is_nothing_yet(client, arabic_indexes, name):
    unfiltered, filtered = EMPTY[name]
    with translation.override("ar"):
        unfiltered_ar, filtered_ar = translation.gettext(unfiltered), translation.gettext(filtered)
    assert unfiltered_ar != unfiltered  # translated

    page = arabic_indexes[name]
    body = client.get(page.url).content.decode()
    assert unfiltered_ar in body and filtered_ar not in body

    response = client.get(page.url, filtered_query(name))
    assert response.context["filter_form"].is_filtered
    body = response.content.decode()
    assert filtered_ar in body and unfiltered_ar not in body


@pytest.mark.parametrize("name", list(EMPTY))
def test_an_empty_swedish_listing_says_there_is_nothing_yet(client, tree, name):
    unfiltered, filtered = EMPTY[name]
    body = client.get(tree[name].url).content.decode()
    assert unfiltered in body and filtered not in body
