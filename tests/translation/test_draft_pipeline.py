"""Publishing a Swedish page makes machine-translated drafts, never live pages."""

from django.utils import translation

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

import pytest

from devtools.builders import publish_human_translation
from home.models import HomePage
from tests.translation.mt_helpers import (
    AZURE_LANGUAGES,
    DEEPL_CODES,
    DEEPL_LANGUAGES,
    draft_of,
    paragraphs,
)
from translation.deepl.translator import TOOL_NAME_MARKUP_LOST
from translation.models import DraftStatus, ServicePause
from translation.tasks import translate_page_task


@pytest.mark.django_db
def test_publish_makes_pseudo_translated_drafts_in_every_deepl_language(deepl, make_page):
    page = make_page(title="Vänorter", intro="Nässjö har vänorter i Europa.", body=paragraphs(3))

    for code in DEEPL_LANGUAGES:
        target, draft = draft_of(page, code)
        assert not target.live
        tag = DEEPL_CODES[code]
        assert draft.title.startswith(f"[{tag}] ⟦")
        assert draft.intro.startswith(f"[{tag}] ⟦")
        assert "<b>" in draft.body and f"[{tag}] ⟦Stýckê 1:" in draft.body
        status = DraftStatus.objects.get(page=page, locale__language_code=code)
        assert status.status == DraftStatus.MADE
        assert status.missing_segments == 0


@pytest.mark.django_db
def test_somali_and_tigrinya_get_drafts_without_a_configured_azure_engine(deepl, make_page):
    page = make_page(title="Vänorter", body=paragraphs(2))

    for code in AZURE_LANGUAGES:
        target, draft = draft_of(page, code)
        assert not target.live
        assert draft.title == "Vänorter"  # Swedish, waiting for a human translator
        assert Translation.objects.filter(target_locale__language_code=code).exists()
        status = DraftStatus.objects.get(page=page, locale__language_code=code)
        assert status.status == DraftStatus.NOT_CONFIGURED
        assert "AZURE_TRANSLATOR" in status.detail
        with translation.override("sv"):
            assert status.get_status_display() == "maskinöversättning är inte konfigurerad"
        assert not StringTranslation.objects.filter(locale__language_code=code).exists()
    assert not deepl.translate_requests("SO") and not deepl.translate_requests("TI")
    assert all(r["target_lang"] not in ("SO", "TI") for r in deepl.translate_requests())


@pytest.mark.django_db
def test_manual_strings_survive_a_republish_with_machine_translation(deepl, make_page, republish):
    page = make_page(title="Vänorter", body=paragraphs(3))
    en = Locale.objects.get(language_code="en")
    human = "Paragraph 2: Nässjö municipality works on <b>international</b> matters."
    segment = StringSegment.objects.get(
        source__object_id=page.translation_key, string__data__startswith="Stycke 2"
    )
    row = StringTranslation.objects.get(
        translation_of=segment.string, locale=en, context=segment.context
    )
    row.data, row.translation_type, row.tool_name = human, "manual", ""
    row.save()

    republish(page, body=paragraphs(4))

    row.refresh_from_db()
    assert (row.data, row.translation_type) == (human, "manual")
    _target, draft = draft_of(page, "en")
    assert human in draft.body
    assert "⟦Stýckê 4:" in draft.body
    # Only the new paragraph went to DeepL the second time.
    assert [r["texts"] for r in deepl.translate_requests("EN-GB")][-1] == 1


@pytest.mark.django_db
def test_a_page_of_300_segments_goes_out_in_at_least_6_requests_per_locale(deepl, make_page):
    page = make_page(title="Lång sida", body=paragraphs(299))

    for code in DEEPL_LANGUAGES:
        requests = deepl.translate_requests(DEEPL_CODES[code])
        assert len(requests) >= 6
        assert all(r["texts"] <= 50 and r["bytes"] < 128 * 1024 for r in requests)
        assert sum(r["texts"] for r in requests) == 300
        status = DraftStatus.objects.get(page=page, locale__language_code=code)
        assert (status.status, status.machine_segments, status.missing_segments) == (
            DraftStatus.MADE,
            300,
            0,
        )


@pytest.mark.django_db
def test_quota_running_out_mid_page_keeps_the_work_and_the_job_resumes(deepl, make_page):
    body = paragraphs(120)
    deepl.reset(character_limit=6_000)  # room for about one and a half batches
    page = make_page(title="Kvot", body=body)

    en = DraftStatus.objects.get(page=page, locale__language_code="en")
    assert en.status == DraftStatus.PAUSED_QUOTA
    assert 0 < en.machine_segments < 121 and en.missing_segments == 121 - en.machine_segments
    assert ServicePause.objects.filter(reason=ServicePause.QUOTA).exists()
    # The other languages were not even tried once the quota was gone.
    assert not deepl.translate_requests("AR")
    done_before = en.machine_segments
    _target, draft = draft_of(page, "en")
    assert draft.body.count("[EN-GB]") == done_before - 1  # the title is one of them

    deepl.character_limit = 1_000_000  # the new billing period
    sent_before = len(deepl.translate_requests("EN-GB"))
    translate_page_task.enqueue(page.pk)

    en.refresh_from_db()
    assert (en.status, en.missing_segments) == (DraftStatus.MADE, 0)
    assert not ServicePause.objects.exists()
    resumed = deepl.translate_requests("EN-GB")[sent_before:]
    assert sum(r["texts"] for r in resumed) == 121 - done_before  # only what was missing
    _target, draft = draft_of(page, "en")
    assert draft.body.count("[EN-GB]") == 120
    assert DraftStatus.objects.get(page=page, locale__language_code="fi").status == (
        DraftStatus.MADE
    )


@pytest.mark.django_db
def test_two_publishes_in_quick_succession_leave_one_consistent_draft(deepl, make_page, republish):
    page = make_page(title="Snabb", body=paragraphs(5))
    republish(page, body=paragraphs(5, prefix="Avsnitt"))

    for code in DEEPL_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        assert (
            Translation.objects.filter(
                target_locale=locale, source__object_id=page.translation_key
            ).count()
            == 1
        )
        assert (
            HomePage.objects.filter(translation_key=page.translation_key, locale=locale).count()
            == 1
        )
        _target, draft = draft_of(page, code)
        assert draft.body.count("⟦Âvsnîtt") == 5 and "Stýckê" not in draft.body
    assert not HomePage.objects.exclude(locale__language_code="sv").filter(live=True).exists()


@pytest.mark.django_db
def test_broken_markup_is_stored_as_plain_text_and_flagged(deepl, make_page):
    deepl.set_faults(drop_markup=True)
    page = make_page(title="Format", body='<p>Läs <a href="https://example.org">planen</a> nu.</p>')

    status = DraftStatus.objects.get(page=page, locale__language_code="pl")
    assert status.status == DraftStatus.MADE
    assert status.flagged_segments == 1  # the body paragraph; the title has no markup
    flagged = StringTranslation.objects.get(
        locale__language_code="pl", tool_name=TOOL_NAME_MARKUP_LOST
    )
    assert flagged.data == "[PL] ⟦Lâs plânên nû.⟧" and not flagged.has_error
    _target, draft = draft_of(page, "pl")
    assert draft.body == "<p>[PL] ⟦Lâs plânên nû.⟧</p>"


@pytest.mark.django_db
def test_a_bad_key_is_a_configuration_error_and_the_publish_succeeds(deepl, make_page):
    deepl.auth_keys = {"the-real-key"}
    try:
        page = make_page(title="Nyckel", body=paragraphs(2))
    finally:
        deepl.auth_keys = None

    assert page.live
    statuses = DraftStatus.objects.filter(page=page, locale__language_code__in=DEEPL_LANGUAGES)
    assert {s.status for s in statuses} == {DraftStatus.CONFIG_ERROR}
    assert ServicePause.objects.filter(reason=ServicePause.CONFIG).exists()
    target, draft = draft_of(page, "en")
    assert not target.live and draft.title == "Nyckel"


@pytest.mark.django_db
def test_deepl_down_leaves_the_job_to_retry_and_loses_nothing(deepl, make_page, republish):
    page = make_page(title="Nere", body=paragraphs(2))
    deepl.set_faults(fail_next=[503] * 10, drop_connection_next=0)
    republish(page, body=paragraphs(3))

    en = DraftStatus.objects.get(page=page, locale__language_code="en")
    assert en.status == DraftStatus.RETRY and en.attempts == 1
    _target, draft = draft_of(page, "en")
    assert draft.body.count("[EN-GB]") == 2  # the earlier machine translations are kept

    deepl.set_faults(fail_next=[], drop_connection_next=3)
    translate_page_task.enqueue(page.pk)
    en.refresh_from_db()
    assert en.status == DraftStatus.RETRY

    deepl.set_faults(drop_connection_next=0)
    translate_page_task.enqueue(page.pk)
    en.refresh_from_db()
    assert en.status == DraftStatus.MADE
    _target, draft = draft_of(page, "en")
    assert draft.body.count("[EN-GB]") == 3


@pytest.mark.django_db
def test_republishing_unchanged_content_adds_no_draft_revision(deepl, make_page, republish):
    page = make_page(title="Samma", body=paragraphs(2))
    target, _draft = draft_of(page, "ar")
    revisions = target.revisions.count()
    requests = len(deepl.translate_requests())

    republish(page)

    assert target.revisions.count() == revisions
    assert len(deepl.translate_requests()) == requests


@pytest.mark.django_db
def test_a_live_human_translation_stays_as_it_is_and_gets_a_draft(
    deepl, make_page, republish, django_capture_on_commit_callbacks
):
    texts = {"Vänorter": "Twin towns", "Stycke 1": "Paragraph one."}
    page = make_page(title="Vänorter", body="<p>Stycke 1</p>", publish=False)
    for code in ["en", "so"]:
        with django_capture_on_commit_callbacks(execute=True):
            publish_human_translation(page, Locale.objects.get(language_code=code), texts)
    with_human = {
        code: page.get_translation(Locale.objects.get(language_code=code)).specific
        for code in ["en", "so"]
    }
    live_before = {code: (p.title, p.body) for code, p in with_human.items()}

    republish(page, body="<p>Stycke 1</p><p>Stycke 2</p>")

    for code, target in with_human.items():
        target.refresh_from_db()
        assert target.live
        assert (target.title, target.body) == live_before[code]  # live content untouched
        draft = target.get_latest_revision_as_object()
        assert "Paragraph one." in draft.body
    assert "[EN-GB] ⟦Stýckê 2⟧" in with_human["en"].get_latest_revision_as_object().body
    # Somali: the new paragraph waits in Swedish in the draft, never on the live page.
    assert "Stycke 2" in with_human["so"].get_latest_revision_as_object().body
    assert "Stycke 2" not in with_human["so"].body


@pytest.mark.django_db
def test_pages_left_waiting_by_the_quota_resume_after_the_next_job_that_works(deepl, make_page):
    deepl.reset(character_limit=200)
    waiting = make_page(title="Väntar", body=paragraphs(10))
    assert DraftStatus.objects.get(page=waiting, locale__language_code="en").status == (
        DraftStatus.PAUSED_QUOTA
    )

    deepl.character_limit = 1_000_000
    make_page(title="Ny sida", body=paragraphs(1))

    statuses = DraftStatus.objects.filter(page=waiting, locale__language_code__in=DEEPL_LANGUAGES)
    assert set(statuses.values_list("status", flat=True)) == {DraftStatus.MADE}


@pytest.mark.django_db
def test_untranslated_parents_become_drafts_not_live_aliases(
    deepl, make_page, settings, django_capture_on_commit_callbacks
):
    settings.TRANSLATION_AUTO_DRAFTS = False
    parent = make_page(title="Förälder", body=paragraphs(1))
    settings.TRANSLATION_AUTO_DRAFTS = True
    child = parent.add_child(
        instance=HomePage(title="Barn", slug="barn", locale=parent.locale, live=False)
    )
    with django_capture_on_commit_callbacks(execute=True):
        child.save_revision().publish()

    for code in DEEPL_LANGUAGES + AZURE_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        parent_copy = parent.get_translation(locale)
        child_copy = child.get_translation(locale)
        assert child_copy.get_parent().pk == parent_copy.pk
        assert not parent_copy.alias_of_id and not parent_copy.live and not child_copy.live
    _target, draft = draft_of(parent, "pl")
    assert draft.title == "[PL] ⟦Fôrâldêr⟧"
    assert not Page.objects.exclude(alias_of=None).exists()


@pytest.mark.django_db
def test_a_translation_too_long_for_its_field_is_flagged_and_the_draft_still_made(deepl, make_page):
    intro = "Nässjö " * 41 + "kommun"  # 293 characters: "[EN-GB] ⟦…⟧" makes it 304 > 300
    page = make_page(title="Lång ingress", intro=intro, body=paragraphs(1))

    en = DraftStatus.objects.get(page=page, locale__language_code="en")
    assert en.status == DraftStatus.MADE and en.flagged_segments == 1
    flagged = StringTranslation.objects.get(locale__language_code="en", has_error=True)
    assert flagged.data.startswith("[EN-GB]") and "300" in flagged.get_error()
    target, draft = draft_of(page, "en")
    assert not target.live
    assert draft.intro == intro and draft.title.startswith("[EN-GB]")
    # "[AR] ⟦…⟧" fits: no error there.
    _target, ar_draft = draft_of(page, "ar")
    assert ar_draft.intro.startswith("[AR]")
