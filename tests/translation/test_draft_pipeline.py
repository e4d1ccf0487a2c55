"""Publishing a Swedish page makes machine-translated drafts, never live pages."""

from wagtail_localize.models import StringTranslation, Translation

import pytest
from mt_helpers import DEEPL_CODES, DEEPL_LANGUAGES, HUMAN_ONLY_LANGUAGES, draft_of, paragraphs

from translation.models import DraftStatus


@pytest.mark.django_db
def test_publish_makes_pseudo_translated_drafts_in_every_deepl_language(deepl, make_page):
    page = make_page(title="Vänorter", intro="Nässjö har vänorter i Europa.", body=paragraphs(3))

    for code in DEEPL_LANGUAGES:
        target, draft = draft_of(page, code)
        assert not target.live
        tag = DEEPL_CODES[code]
        assert draft.title.startswith(f"[{tag}] ⟦")
        assert draft.intro.startswith(f"[{tag}] ⟦")
        assert "<b>" in draft.body and f"[{tag}] ⟦Stŷckê 1:" in draft.body
        status = DraftStatus.objects.get(page=page, locale__language_code=code)
        assert status.status == DraftStatus.MADE
        assert status.missing_segments == 0


@pytest.mark.django_db
def test_somali_and_tigrinya_get_drafts_without_machine_translation(deepl, make_page):
    page = make_page(title="Vänorter", body=paragraphs(2))

    for code in HUMAN_ONLY_LANGUAGES:
        target, draft = draft_of(page, code)
        assert not target.live
        assert draft.title == "Vänorter"  # Swedish, waiting for a human translator
        assert Translation.objects.filter(target_locale__language_code=code).exists()
        status = DraftStatus.objects.get(page=page, locale__language_code=code)
        assert status.status == DraftStatus.HUMAN_ONLY
        assert status.get_status_display() == "endast mänsklig översättning"
        assert not StringTranslation.objects.filter(locale__language_code=code).exists()
    assert not deepl.translate_requests("SO") and not deepl.translate_requests("TI")
    assert all(r["target_lang"] not in ("SO", "TI") for r in deepl.translate_requests())
