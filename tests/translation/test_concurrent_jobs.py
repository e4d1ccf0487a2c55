"""Two jobs for the same page at once (two db_workers) leave one consistent draft."""

import threading

from django.db import connection, connections

from wagtail.models import Locale

import pytest

from home.models import HomePage
from tests.translation.mt_helpers import DEEPL_LANGUAGES, draft_of, paragraphs
from translation.models import DraftStatus
from translation.tasks import translate_page_task


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_jobs_at_once_leave_one_consistent_draft_per_locale(deepl, make_page, settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs row locks across connections (PostgreSQL)")
    settings.TRANSLATION_AUTO_DRAFTS = False
    page = make_page(title="Samtidigt", body=paragraphs(60))
    page.body = paragraphs(60, prefix="Version två")
    page.save_revision().publish()
    settings.TRANSLATION_AUTO_DRAFTS = True

    errors = []
    barrier = threading.Barrier(2)

    def job():
        try:
            barrier.wait()
            translate_page_task.call(page.pk)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=job) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not errors
    for code in DEEPL_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        assert (
            HomePage.objects.filter(translation_key=page.translation_key, locale=locale).count()
            == 1
        )
        _target, draft = draft_of(page, code)
        assert draft.body.count("⟦Vêrsîôn tvâ") == 60
        status = DraftStatus.objects.get(page=page, locale=locale)
        assert (status.status, status.missing_segments) == (DraftStatus.MADE, 0)
    # Each segment went to DeepL once per locale, not twice.
    assert sum(r["texts"] for r in deepl.translate_requests("EN-GB")) == 61
