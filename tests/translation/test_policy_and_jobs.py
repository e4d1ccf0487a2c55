"""Per-locale policy, the job's retries later, and machine translation switched off."""

import os
import subprocess
import sys

from django.conf import settings
from django.db import OperationalError
from django.db.models.signals import post_save

from wagtail_localize.models import StringTranslation

import pytest

from tests.translation.mt_helpers import DEEPL_LANGUAGES, draft_of, paragraphs
from translation.models import DraftStatus, LanguageSettings
from translation.tasks import translate_page_task


@pytest.mark.django_db
def test_formality_and_switching_a_language_off(deepl, make_page, locales):
    LanguageSettings.objects.create(locale=locales["pl"], formality="prefer_more")
    LanguageSettings.objects.create(locale=locales["fi"], formality="prefer_more")
    LanguageSettings.objects.create(locale=locales["uk"], machine_translation_enabled=False)

    page = make_page(title="Tilltal", body=paragraphs(1))

    assert {r["formality"] for r in deepl.translate_requests("PL")} == {"prefer_more"}
    # DeepL has no formality for Finnish: nothing is sent rather than a refused request.
    assert {r["formality"] for r in deepl.translate_requests("FI")} == {None}
    assert not deepl.translate_requests("UK")
    status = DraftStatus.objects.get(page=page, locale=locales["uk"])
    assert status.status == DraftStatus.DISABLED
    target, draft = draft_of(page, "uk")
    assert not target.live and draft.title == "Tilltal"


@pytest.mark.django_db
def test_without_a_key_drafts_are_made_without_any_request(deepl, make_page, settings):
    settings.DEEPL_AUTH_KEY = ""
    page = make_page(title="Ingen nyckel", body=paragraphs(1))
    assert not deepl.log
    statuses = set(DraftStatus.objects.filter(page=page).values_list("status", flat=True))
    assert statuses == {DraftStatus.NOT_CONFIGURED}
    target, _draft = draft_of(page, "en")
    assert not target.live


@pytest.mark.django_db
def test_drafts_are_off_by_default_in_tests(make_page):
    page = make_page(title="Av", body=paragraphs(1))
    assert page.live and not DraftStatus.objects.exists()
    assert not page.get_translations().exists()


@pytest.mark.django_db
def test_a_job_that_could_not_finish_queues_itself_again_later(deepl, make_page, settings):
    page = make_page(title="Senare", body=paragraphs(1))
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = translate_page_task.get_backend()
    deepl.set_faults(fail_next=[503] * 20)
    page.body = paragraphs(2)
    page.save_revision().publish()

    statuses = translate_page_task.call(page.pk)

    assert statuses["en"] == DraftStatus.RETRY
    (again,) = [r for r in backend.results if r.task.func == translate_page_task.func]
    assert list(again.args) == [page.pk, 2]
    assert again.task.run_after is not None


@pytest.mark.django_db
def test_an_unexpected_error_fails_one_locale_and_the_publish_succeeds(deepl, make_page, locales):
    def explode(sender, instance, **kwargs):
        if instance.locale_id == locales["ar"].pk:
            raise RuntimeError("disk full")

    post_save.connect(explode, sender=StringTranslation)
    try:
        page = make_page(title="Fel", body=paragraphs(1))
    finally:
        post_save.disconnect(explode, sender=StringTranslation)

    assert page.live
    ar = DraftStatus.objects.get(page=page, locale=locales["ar"])
    assert ar.status == DraftStatus.FAILED and "disk full" in ar.detail
    assert not StringTranslation.objects.filter(locale=locales["ar"]).exists()  # rolled back
    others = DraftStatus.objects.filter(page=page, locale__language_code__in=DEEPL_LANGUAGES)
    assert others.exclude(locale=locales["ar"]).filter(status=DraftStatus.MADE).count() == 5


@pytest.mark.django_db
def test_a_busy_database_leaves_the_locale_to_be_retried(deepl, make_page, locales, settings):
    """SQLite's "database is locked" (web server and worker writing at once) is no failure."""

    def locked(sender, instance, **kwargs):
        if instance.locale_id == locales["en"].pk:
            raise OperationalError("database is locked")

    page = make_page(title="Upptaget", body=paragraphs(1))
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = translate_page_task.get_backend()
    page.body = paragraphs(2)
    page.save_revision().publish()
    post_save.connect(locked, sender=StringTranslation)
    try:
        statuses = translate_page_task.call(page.pk)
    finally:
        post_save.disconnect(locked, sender=StringTranslation)

    assert statuses["en"] == DraftStatus.RETRY
    assert statuses["ar"] == DraftStatus.MADE
    again = [r for r in backend.results if r.task.func == translate_page_task.func]
    assert [list(r.args) for r in again if len(r.args) > 1] == [[page.pk, 2]]


def test_sqlite_transactions_wait_for_the_write_lock():
    """The dev default (no DATABASE_URL): SQLite, whose transactions take the write lock
    when they begin. Read in a process of its own, whatever database this run uses."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    script = (
        "from portal.settings.base import DATABASES as D; "
        "print(D['default']['ENGINE'], D['default']['OPTIONS']['transaction_mode'])"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and settings
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["django.db.backends.sqlite3", "IMMEDIATE"]
