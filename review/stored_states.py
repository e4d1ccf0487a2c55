"""The review state of every (Swedish page, target language) pair, stored for listings.

Computing every pair's state (``review.states.review_items``) reads every string of every
page in every language: at a hundred times the demo's content the queue, the coverage
report and the follow-up page's coverage indicator took seconds to tens of seconds. They
read ``PageLanguageState`` instead, with SQL counts and pagination.

``review.states.compute_state`` stays the one definition of a state; a row is only a copy of
what it said. The copy is kept in two steps:

1. **Mark.** Whatever a state depends on (the Swedish page and its translations, their
   revisions and live status, the translation sources and translations, the translated
   strings and their approvals, page approvals, the reader-notice flag, the recorded source
   strings, a new language) sends ``post_save``/``post_delete``; the receivers below mark
   the affected pairs dirty in one query, in the same transaction as the change, so a
   change that commits is never lost and one that rolls back marks nothing. Each mark adds
   one to the row's ``generation``.
2. **Refresh.** Readers call ``refresh_dirty`` first: it computes the dirty pairs with
   ``review_items`` (a fixed number of queries for any number of pairs) and writes them
   back clean, unless a new mark came meanwhile (the generation moved): that row stays
   dirty for the next reader. With nothing dirty it costs one query.

Marking instead of refreshing on commit keeps the writers cheap (a draft saves hundreds of
strings: one small query each, no computation) and keeps the copy correct in tests that run
in one transaction. Bulk writes that bypass signals (``load_demo --scale``) rebuild it with
``refresh_states()``, as does ``manage.py rebuild_review_states`` (the deploy step after
the migration that adds the table; see docs/hosting.md).

Not for decisions: the publish rules, the approve and refresh actions and the editor read the
live strings through ``review_state``, never this table.
"""

from django.conf import settings
from django.db import connection
from django.db.models.signals import post_delete, post_save

from wagtail.models import Locale, Page, get_page_models
from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)

from core.sources import source_pages

from .models import (
    PageLanguageState,
    ReaderNotice,
    ReviewApproval,
    SourceStrings,
    StringApproval,
    TranslatedFrom,
)

TABLE = PageLanguageState._meta.db_table


# Mark ------------------------------------------------------------------------------------


def mark(keys=None, locale_ids=None) -> None:
    """Mark dirty the pairs of the live Swedish pages with these translation keys (a list or
    a queryset of keys; ``None``: every page) in these locales (``None``: every target
    locale); pairs without a row get one."""
    pages = source_pages().order_by()
    if keys is not None:
        pages = pages.filter(translation_key__in=keys)
    locales = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE)
    if locale_ids is not None:
        locales = locales.filter(pk__in=locale_ids)
    pages_sql, pages_params = pages.values("pk").query.sql_with_params()
    locales_sql, locales_params = locales.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(  # the table's name and Django's own SQL, the values as parameters
            f"""
            INSERT INTO {TABLE} (source_page_id, locale_id, state, machine_strings,
                strings_to_check, dirty, generation, updated_at)
            SELECT p.id, l.id, 'missing', 0, 0, true, 1, now()
            FROM ({pages_sql}) AS p (id) CROSS JOIN ({locales_sql}) AS l (id)
            ON CONFLICT (source_page_id, locale_id) DO UPDATE
            SET dirty = true, generation = {TABLE}.generation + 1
            """,  # noqa: S608
            [*pages_params, *locales_params],
        )


def _page_changed(sender, instance, **kwargs):
    if instance.locale_id is None or not instance.translation_key:
        return
    source = Locale.objects.filter(pk=instance.locale_id, language_code=settings.LANGUAGE_CODE)
    if source.exists():
        mark([instance.translation_key])
    else:
        mark([instance.translation_key], [instance.locale_id])


def _string_changed(sender, instance, **kwargs):
    if instance.context_id is not None:
        keys = TranslationContext.objects.filter(pk=instance.context_id).values("object_id")
        mark(keys, [instance.locale_id])


def _string_approval_changed(sender, instance, **kwargs):
    found = (
        StringTranslation.objects.filter(pk=instance.string_translation_id)
        .values_list("context__object_id", "locale_id")
        .first()
    )
    if found is not None and found[0] is not None:
        mark([found[0]], [found[1]])


def _target_changed(sender, instance, **kwargs):
    """Models with the translated page as ``page`` (approvals, the reader-notice flag)."""
    found = Page.objects.filter(pk=instance.page_id).values_list("translation_key", "locale_id")
    found = found.first()
    if found is not None:
        mark([found[0]], [found[1]])


def _translation_changed(sender, instance, **kwargs):
    keys = TranslationSource.objects.filter(pk=instance.source_id).values("object_id")
    mark(keys, [instance.target_locale_id])


def _translated_from_changed(sender, instance, **kwargs):
    found = (
        Translation.objects.filter(pk=instance.translation_id)
        .values_list("source__object_id", "target_locale_id")
        .first()
    )
    if found is not None:
        mark([found[0]], [found[1]])


def _source_changed(sender, instance, **kwargs):
    mark([instance.object_id])


def _source_strings_changed(sender, instance, **kwargs):
    mark(Page.objects.filter(pk=instance.page_id).values("translation_key"))


def _locale_changed(sender, instance, created=False, **kwargs):
    if created and instance.language_code != settings.LANGUAGE_CODE:
        mark(None, [instance.pk])


RECEIVERS = [
    (StringTranslation, _string_changed),
    (StringApproval, _string_approval_changed),
    (ReviewApproval, _target_changed),
    (ReaderNotice, _target_changed),
    (Translation, _translation_changed),
    (TranslatedFrom, _translated_from_changed),
    (TranslationSource, _source_changed),
    (SourceStrings, _source_strings_changed),
]


def install() -> None:
    """Connect the receivers (``ReviewConfig.ready``): every page type, and each model a
    state is computed from (module docstring)."""
    for model in {Page, *get_page_models()}:
        for signal in (post_save, post_delete):
            signal.connect(_page_changed, sender=model, dispatch_uid=f"review_state_{model}")
    for model, receiver in RECEIVERS:
        for signal in (post_save, post_delete):
            signal.connect(receiver, sender=model, dispatch_uid=f"review_state_{model}")
    post_save.connect(_locale_changed, sender=Locale, dispatch_uid="review_state_locale")


# Refresh ---------------------------------------------------------------------------------


def refresh_dirty() -> int:
    """Compute the dirty pairs again and store them; returns how many were dirty."""
    rows = list(
        PageLanguageState.objects.filter(dirty=True).values_list(
            "source_page_id", "locale_id", "generation"
        )
    )
    if not rows:
        return 0
    seen = {(page_id, locale_id): generation for page_id, locale_id, generation in rows}
    _compute_and_write(
        Page.objects.filter(pk__in={page_id for page_id, _l, _g in rows}),
        {locale_id for _p, locale_id, _g in rows},
        seen,
    )
    return len(rows)


def refresh_states(pages=None, locales=None) -> None:
    """Compute and store the pairs of these Swedish pages (``None``: every live one) in these
    locales (``None``: every target locale), dirty or not: the rebuild, and the tests'
    check that the stored rows say what ``compute_state`` says."""
    pages = source_pages() if pages is None else pages
    locale_ids = None if locales is None else {locale.pk for locale in locales}
    rows = PageLanguageState.objects.filter(source_page__in=pages)
    if locale_ids is not None:
        rows = rows.filter(locale_id__in=locale_ids)
    seen = {
        (page_id, locale_id): generation
        for page_id, locale_id, generation in rows.values_list(
            "source_page_id", "locale_id", "generation"
        )
    }
    _compute_and_write(pages, locale_ids, seen, every_pair=True)


def _compute_and_write(pages, locale_ids, seen: dict, every_pair: bool = False) -> None:
    from .states import State, review_items

    items = review_items(pages=pages, locale_ids=locale_ids, only=None if every_pair else seen)
    values = []
    for item in items:
        reviewed_since = None
        if item.state == State.PUBLISHED_REVIEWED:
            target = item.target_page
            moments = [target.first_published_at if target else None]
            if item.approval is not None:
                moments.append(item.approval.approved_at)
            reviewed_since = max((m for m in moments if m), default=None)
        values.append(
            (
                item.source_page.pk,
                item.locale.pk,
                str(item.state.value),
                item.target_page.pk if item.target_page is not None else None,
                item.waiting_since,
                item.machine_strings,
                item.strings_to_check,
                item.source_page.first_published_at,
                reviewed_since,
                # 0 for a pair without a row: a row marked meanwhile (generation 1) stays dirty.
                seen.get((item.source_page.pk, item.locale.pk), 0),
            )
        )
    for start in range(0, len(values), 1000):
        _write(values[start : start + 1000])


def _write(values: list[tuple]) -> None:
    """Upsert computed rows clean, unless their generation moved since they were read."""
    if not values:
        return
    placeholders = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"] * len(values))
    with connection.cursor() as cursor:
        cursor.execute(  # the table's name and placeholders, the values as parameters
            f"""
            INSERT INTO {TABLE} (source_page_id, locale_id, state, target_page_id,
                waiting_since, machine_strings, strings_to_check, source_published,
                reviewed_since, generation, dirty, updated_at)
            SELECT v.page::integer, v.locale::integer, v.state, v.target::integer,
                v.waiting::timestamptz, v.machine::integer, v.to_check::integer,
                v.published::timestamptz, v.reviewed::timestamptz, v.generation::bigint,
                false, now()
            FROM (VALUES {placeholders}) AS v (page, locale, state, target, waiting, machine,
                to_check, published, reviewed, generation)
            ON CONFLICT (source_page_id, locale_id) DO UPDATE
            SET state = EXCLUDED.state, target_page_id = EXCLUDED.target_page_id,
                waiting_since = EXCLUDED.waiting_since,
                machine_strings = EXCLUDED.machine_strings,
                strings_to_check = EXCLUDED.strings_to_check,
                source_published = EXCLUDED.source_published,
                reviewed_since = EXCLUDED.reviewed_since,
                dirty = {TABLE}.generation <> EXCLUDED.generation,
                updated_at = now()
            """,  # noqa: S608
            [field for row in values for field in row],
        )


def stored_pairs(language_codes=None):
    """The stored rows of live Swedish pages (after ``refresh_dirty``), for these languages
    (``None``: every target language): the queryset the listings count and page."""
    refresh_dirty()
    rows = PageLanguageState.objects.filter(source_page__live=True)
    if language_codes is not None:
        rows = rows.filter(locale__language_code__in=language_codes)
    return rows
