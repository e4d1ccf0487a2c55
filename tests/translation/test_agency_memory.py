"""An agency's TMX pairs reach a page only as a draft that a person still has to review."""

from django.contrib.auth import get_user_model

from wagtail_localize.models import StringTranslation

import pytest

from review.publish_rules import content_refusal
from review.states import State, review_state
from review.tmx_import import TOOL_NAME, import_files
from tests.translation.mt_helpers import draft_of
from tests.translation.test_memory_glossary_budget import set_translation
from translation.models import AgencyMemory

SHARED = "Europa Direkt finns på biblioteket."
AGENCY = "Europe Direct is in the library (agency)."


def _import(locale, *pairs):
    user = get_user_model().objects.create_user(username="byra", password="pw")
    units = "".join(
        f'<tu><tuv xml:lang="sv"><seg>{sv}</seg></tuv><tuv xml:lang="en-GB"><seg>{en}</seg>'
        "</tuv></tu>"
        for sv, en in pairs
    )
    data = (
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="t"'
        ' creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="sv-SE"'
        f' datatype="plaintext"/><body>{units}</body></tmx>'
    ).encode()
    (checked,) = import_files([("byra.tmx", data)], locale, user)
    assert not checked.errors, checked.errors


@pytest.mark.django_db
def test_an_agency_pair_fills_a_draft_that_waits_for_review(deepl, make_page, locales):
    _import(locales["en"], (SHARED, AGENCY))
    assert AgencyMemory.objects.count() == 1
    before = len(deepl.translate_requests("EN-GB"))

    page = make_page(title="Tredje", body=f"<p>{SHARED}</p>")

    target, draft = draft_of(page, "en")
    assert draft.body == f"<p>{AGENCY}</p>"
    sent = deepl.translate_requests("EN-GB")[before:]
    assert [r["texts"] for r in sent] == [1]  # only the title went to the engine
    string = StringTranslation.objects.get(locale=locales["en"], data=AGENCY)
    assert (string.translation_type, string.tool_name) == ("machine", TOOL_NAME)
    # Unreviewed: the queue says so, and publishing it is refused like machine text.
    item = review_state(page, locales["en"])
    assert item.state == State.MACHINE_DRAFT and item.unreviewed_machine_text
    assert content_refusal(target) is not None
    assert not target.live


@pytest.mark.django_db
def test_the_municipalitys_own_translation_wins_and_other_texts_are_untouched(
    deepl, make_page, locales
):
    first = make_page(title="Första", body=f"<p>{SHARED}</p>")
    human = "Europe Direct is at the library."
    set_translation(first, "en", "Europa Direkt", human, "manual")
    _import(locales["en"], (SHARED, AGENCY), ("Annan text.", "Other text (agency)."))

    second = make_page(title="Andra", body=f"<p>{SHARED}</p><p>Helt ny mening.</p>")

    _target, draft = draft_of(second, "en")
    assert f"<p>{human}</p>" in draft.body
    assert AGENCY not in draft.body and "agency" not in draft.body
    assert not StringTranslation.objects.filter(tool_name=TOOL_NAME).exists()
