"""The backfill command: progress, only what is missing, resumable after a stop."""

from io import StringIO

from django.core.management import CommandError, call_command

from wagtail.models import Page

import pytest

from tests.translation.mt_helpers import paragraphs
from translation.models import DraftStatus


@pytest.fixture(autouse=True)
def no_welcome_page(db):
    Page.objects.filter(depth=2).delete()  # Wagtail's "Welcome" page is not ours to translate


def backfill(*args):
    out = StringIO()
    call_command("backfill_translations", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_backfill_is_resumable_and_sends_only_what_is_missing(deepl, make_page, settings):
    settings.TRANSLATION_AUTO_DRAFTS = False  # pages published before the language existed
    pages = [
        make_page(title=f"Sida {n}", body=paragraphs(40, prefix=f"Del {n}")) for n in (1, 2, 3)
    ]
    assert not deepl.translate_requests()
    deepl.character_limit = 3_500  # runs out at the second page

    first = backfill("--locale", "uk")

    assert "3 page translations to make or complete." in first
    assert "[##########--------------------] 1/3" in first
    assert "Run the command again to continue" in first
    statuses = [DraftStatus.objects.get(page=p, locale__language_code="uk") for p in pages[:2]]
    assert statuses[0].status == DraftStatus.MADE
    assert statuses[1].status == DraftStatus.PAUSED_QUOTA
    assert not DraftStatus.objects.filter(page=pages[2]).exists()
    assert {r["target_lang"] for r in deepl.translate_requests()} == {"UK"}

    deepl.character_limit = 1_000_000
    second = backfill("--locale", "uk")

    assert "2 page translations to make or complete." in second
    assert "Done. made: 2" in second
    sent = sum(r["texts"] for r in deepl.translate_requests("UK"))
    assert sent == 3 * 41  # every segment exactly once over both runs

    assert "0 page translations" in backfill("--locale", "uk")
    assert sum(r["texts"] for r in deepl.translate_requests("UK")) == sent


@pytest.mark.django_db
def test_backfill_dry_run_and_unknown_locale(deepl, make_page, settings):
    settings.TRANSLATION_AUTO_DRAFTS = False
    make_page(title="Sida", body=paragraphs(2))
    assert "8 page translations" in backfill("--dry-run")
    assert not deepl.translate_requests()
    with pytest.raises(CommandError):
        backfill("--locale", "xx")


@pytest.mark.django_db
def test_one_engine_stopping_leaves_the_other_engines_languages_going(
    deepl, azure, make_page, settings
):
    settings.TRANSLATION_AUTO_DRAFTS = False
    pages = [make_page(title=f"Sida {n}", body=paragraphs(40, prefix=f"Del {n}")) for n in (1, 2)]
    deepl.character_limit = 100  # DeepL's quota is spent at the first request

    output = backfill("--locale", "uk", "--locale", "so")

    assert "Stopped DeepL" in output and "Run the command again" in output
    assert "left for the next run: 1" in output  # the second Ukrainian page
    so = DraftStatus.objects.filter(locale__language_code="so", page__in=pages)
    assert set(so.values_list("status", flat=True)) == {DraftStatus.MADE}
    assert so.count() == 2  # Azure went on with Somali after DeepL stopped
    uk = DraftStatus.objects.get(locale__language_code="uk", page=pages[0])
    assert uk.status == DraftStatus.PAUSED_QUOTA
    assert not DraftStatus.objects.filter(locale__language_code="uk", page=pages[1]).exists()
