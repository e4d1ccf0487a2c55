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
from django.db.models import F, OuterRef, Subquery
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from wagtail.models import Locale, Page, get_page_models
from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)

from core.content_cache import cached
from core.sources import source_pages
from translation.models import SourceStrings, TranslatedFrom

from .models import PageLanguageState, ReaderNotice, ReviewApproval, StringApproval

TABLE = PageLanguageState._meta.db_table
# What a computation writes (with ``dirty`` and ``updated_at``).
STORED_FIELDS = [
    "state",
    "target_page",
    "waiting_since",
    "machine_strings",
    "strings_to_check",
    "source_published",
    "reviewed_since",
]


# Mark ------------------------------------------------------------------------------------


def mark(keys=None, locale_ids=None) -> None:
    """Mark dirty the pairs of the live Swedish pages with these translation keys (a list or
    a queryset of keys; ``None``: every page) in these locales (``None``: every target
    locale); pairs without a row get one. One query (PostgreSQL and SQLite alike)."""
    pages = source_pages().order_by()
    if keys is not None:
        pages = pages.filter(translation_key__in=keys)
    locales = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE)
    if locale_ids is not None:
        locales = locales.filter(pk__in=locale_ids)
    pages_sql, pages_params = pages.values(page_id=F("pk")).query.sql_with_params()
    locales_sql, locales_params = locales.values(target_id=F("pk")).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(  # the table's name and Django's own SQL, the values as parameters
            f"""
            INSERT INTO {TABLE} (source_page_id, locale_id, state, machine_strings,
                strings_to_check, dirty, generation, updated_at)
            SELECT p.page_id, l.target_id, 'missing', 0, 0, %s, 1, %s
            FROM ({pages_sql}) p CROSS JOIN ({locales_sql}) l WHERE 1 = 1
            ON CONFLICT (source_page_id, locale_id) DO UPDATE
            SET dirty = %s, generation = {TABLE}.generation + 1
            """,  # noqa: S608
            [True, timezone.now(), *pages_params, *locales_params, True],
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
    page_ids = {page_id for page_id, _l, _g in rows}
    _compute_and_write(
        Page.objects.filter(pk__in=page_ids), {locale_id for _p, locale_id, _g in rows}, seen
    )
    # Pairs marked while their Swedish page was being deleted (models.PageLanguageState).
    PageLanguageState.objects.filter(source_page_id__in=page_ids).exclude(
        source_page_id__in=Page.objects.filter(pk__in=page_ids).values("pk")
    ).delete()
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
    rows = []
    for item in items:
        reviewed_since = None
        if item.state == State.PUBLISHED_REVIEWED:
            target = item.target_page
            moments = [target.first_published_at if target else None]
            if item.approval is not None:
                moments.append(item.approval.approved_at)
            reviewed_since = max((m for m in moments if m), default=None)
        rows.append(
            PageLanguageState(
                source_page_id=item.source_page.pk,
                locale_id=item.locale.pk,
                state=str(item.state.value),
                target_page_id=item.target_page.pk if item.target_page is not None else None,
                waiting_since=item.waiting_since,
                machine_strings=item.machine_strings,
                strings_to_check=item.strings_to_check,
                source_published=item.source_page.first_published_at,
                reviewed_since=reviewed_since,
                dirty=False,
                # A pair without a row starts at 0: a mark meanwhile makes it 1, and dirty.
                generation=seen.get((item.source_page.pk, item.locale.pk), 0),
            )
        )
    PageLanguageState.objects.bulk_create(
        rows,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["source_page", "locale"],
        update_fields=[*STORED_FIELDS, "dirty", "updated_at"],
    )
    # A change marked while this computed (its generation moved): dirty again, for the next
    # reader. A mark after this query sets the flag itself.
    read = {(row.source_page_id, row.locale_id): row.generation for row in rows}
    moved = [
        pk
        for pk, page_id, locale_id, generation in PageLanguageState.objects.filter(
            source_page_id__in={page_id for page_id, _l in read},
            locale_id__in={locale_id for _p, locale_id in read},
        ).values_list("pk", "source_page_id", "locale_id", "generation")
        if (page_id, locale_id) in read and read[page_id, locale_id] != generation
    ]
    if moved:
        PageLanguageState.objects.filter(pk__in=moved).update(dirty=True)


def last_change():
    """When a stored state last changed, after ``refresh_dirty`` (an index reads it): a
    figure computed from the stored states is current while this stays the same. A pair
    marked dirty counts once it is computed again, which ``refresh_dirty`` does first."""
    refresh_dirty()
    latest = PageLanguageState.objects.order_by("-updated_at").values_list("updated_at", flat=True)[
        :1
    ]
    return next(iter(latest), None)


def language_versions() -> dict[str, str]:
    """{target language code: when one of its stored states last changed, ``""`` before
    any} (after ``refresh_dirty``; one query, an index probe per language): a figure of
    one language is current while its entry stays the same."""
    refresh_dirty()
    latest = (
        PageLanguageState.objects.filter(locale=OuterRef("pk"))
        .order_by("-updated_at")
        .values("updated_at")[:1]
    )
    rows = (
        Locale.objects.exclude(language_code=settings.LANGUAGE_CODE)
        .annotate(last=Subquery(latest))
        .values_list("language_code", "last")
    )
    return {code: last.isoformat() if last else "" for code, last in rows}


def states_version() -> str:
    """Names the stored states as they are now (their last change, ``""`` before any): a
    figure computed from them may be kept while it stays the same."""
    latest = last_change()
    return latest.isoformat() if latest else ""


def kept(name: str, parts: tuple, compute, version: str | None = None):
    """``compute()`` (a figure counted over the stored pairs, so it grows with the site),
    kept for the content generation, the stored states' last change (``version``: read here
    unless the caller read it already this request) and the caller's ``parts``."""
    if version is None:
        version = states_version()
    return cached(name, (*parts, version), compute)


def every_pair():
    """The stored rows of every live Swedish page (after ``refresh_dirty``), for counting
    them all: the live pages as a subquery of ids rather than a join, so that PostgreSQL
    hashes those ids once instead of looking up each pair's page (a grouped count of the
    28,000 pairs of the 100× bench: 23 → 12 ms, issue 24). Every row's page is Swedish
    (``mark``), which the subquery names so that an index finds them."""
    refresh_dirty()
    live = Page.objects.filter(live=True, locale__language_code=settings.LANGUAGE_CODE)
    return PageLanguageState.objects.filter(source_page__in=live.values("pk"))


def stored_pairs(language_codes=None):
    """The stored rows of live Swedish pages (after ``refresh_dirty``), for these languages
    (``None``: every target language): the queryset the listings count and page."""
    refresh_dirty()
    rows = PageLanguageState.objects.filter(source_page__live=True)
    if language_codes is not None:
        rows = rows.filter(locale__language_code__in=language_codes)
    return rows
