"""Translation memory, the glossary and the monthly budget, through the whole pipeline."""

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation

import pytest

from tests.translation.mt_helpers import DEEPL_CODES, DEEPL_LANGUAGES, draft_of, paragraphs
from translation.models import DraftStatus, GlossaryTerm, GlossaryTermTranslation, UsageRecord
from translation.tasks import translate_page_task
from translation.usage import month_start


def set_translation(page, code, startswith, data, kind):
    segment = StringSegment.objects.get(
        source__object_id=page.translation_key, string__data__startswith=startswith
    )
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=Locale.objects.get(language_code=code),
        context=segment.context,
        defaults={"data": data, "translation_type": kind, "tool_name": ""},
    )


@pytest.mark.django_db
def test_editing_one_paragraph_sends_only_that_paragraph(deepl, make_page, republish):
    body = paragraphs(20)
    page = make_page(title="Lång", body=body)
    before = len(deepl.translate_requests())

    republish(page, body=body.replace("Stycke 7:", "Stycke sju:"))

    new = deepl.translate_requests()[before:]
    assert sorted(r["target_lang"] for r in new) == sorted(DEEPL_CODES.values())
    assert all(r["texts"] == 1 for r in new)
    _target, draft = draft_of(page, "uk")
    assert "⟦Stýckê sjû:" in draft.body and draft.body.count("[UK]") == 20


@pytest.mark.django_db
def test_memory_reuses_a_human_translation_before_a_machine_one(deepl, make_page):
    shared = "<p>Europa Direkt finns på biblioteket.</p>"
    first = make_page(title="Första", body=shared + paragraphs(1))
    second = make_page(title="Andra", body=shared + paragraphs(1, prefix="Annat"))
    human = "Europe Direct is at the library."
    set_translation(second, "en", "Europa Direkt", human, "manual")
    # The first page's copy of the sentence stays a machine translation.
    assert StringTranslation.objects.filter(
        locale__language_code="en", translation_type="machine", data__contains="Dîrêkt"
    ).exists()
    before = len(deepl.translate_requests("EN-GB"))

    third = make_page(title="Tredje", body=shared)

    _target, draft = draft_of(third, "en")
    assert draft.body == f"<p>{human}</p>"
    sent = deepl.translate_requests("EN-GB")[before:]
    assert [r["texts"] for r in sent] == [1]  # only the title "Tredje"
    status = DraftStatus.objects.get(page=third, locale__language_code="en")
    assert (status.memory_segments, status.machine_segments) == (1, 1)
    del first


@pytest.mark.django_db
def test_glossary_terms_are_synced_and_used(deepl, make_page, locales):
    term = GlossaryTerm.objects.create(term="kommunfullmäktige", note="Det beslutande organet.")
    GlossaryTermTranslation.objects.create(
        term=term, locale=locales["en"], translation="the Municipal Council"
    )
    GlossaryTermTranslation.objects.create(term=term, locale=locales["fa"], translation="شورای شهر")

    page = make_page(title="Beslut", body="<p>Beslutet fattas av kommunfullmäktige.</p>")

    _target, draft = draft_of(page, "en")
    assert draft.body == "<p>[EN-GB] ⟦Bêslûtêt fâttâs âv the Municipal Council.⟧</p>"
    (glossary,) = deepl.glossaries.values()
    assert glossary.multilingual and list(glossary.dictionaries) == [("SV", "EN")]
    assert {r["glossary_id"] for r in deepl.translate_requests("EN-GB")} == {glossary.glossary_id}
    # DeepL makes no Persian glossaries: Persian is translated without one.
    assert {r["glossary_id"] for r in deepl.translate_requests("FA")} == {None}

    GlossaryTermTranslation.objects.create(term=term, locale=locales["pl"], translation="Rada")
    make_page(title="Nytt beslut", body="<p>Kommunfullmäktige och kommunfullmäktige.</p>")
    (replacement,) = deepl.glossaries.values()  # the old one was deleted
    assert replacement.glossary_id != glossary.glossary_id
    assert set(replacement.dictionaries) == {("SV", "EN"), ("SV", "PL")}


@pytest.mark.django_db
def test_usage_is_recorded_per_locale_and_month(deepl, make_page):
    make_page(title="Räkna", body=paragraphs(3))
    for code in DEEPL_LANGUAGES:
        requests = deepl.translate_requests(DEEPL_CODES[code])
        # The short title goes in a request of its own, with its context
        # (translation.deepl.context).
        assert len(requests) == 2
        billed = sum(r["billed"] for r in requests)
        record = UsageRecord.objects.get(locale__language_code=code, month=month_start())
        assert (record.characters, record.requests) == (billed, 2)
    assert not UsageRecord.objects.filter(locale__language_code__in=["so", "ti"]).exists()


@pytest.mark.django_db
def test_the_monthly_budget_stops_machine_translation_before_it_is_exceeded(
    deepl, make_page, settings
):
    settings.DEEPL_MONTHLY_CHARACTER_BUDGET = 400
    page = make_page(title="Budget", body=paragraphs(4))

    statuses = {s.locale.language_code: s.status for s in DraftStatus.objects.filter(page=page)}
    assert statuses["en"] == DraftStatus.MADE
    assert statuses["ar"] == DraftStatus.PAUSED_BUDGET
    assert statuses["so"] == DraftStatus.NOT_CONFIGURED  # Azure's, not configured here
    used = sum(UsageRecord.objects.values_list("characters", flat=True))
    assert 0 < used <= 400
    # English was asked for in full (its short title and its body); every character sent
    # was counted, and the requests stopped before the budget was passed.
    assert len(deepl.translate_requests(DEEPL_CODES["en"])) == 2
    assert sum(r["billed"] for r in deepl.translate_requests()) == used

    settings.DEEPL_MONTHLY_CHARACTER_BUDGET = 100_000
    translate_page_task.enqueue(page.pk)
    assert set(
        DraftStatus.objects.filter(
            page=page, locale__language_code__in=DEEPL_LANGUAGES
        ).values_list("status", flat=True)
    ) == {DraftStatus.MADE}
