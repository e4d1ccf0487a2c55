"""The LIX of every live Swedish page as last published, stored so that lists read it at once.

Publishing a Swedish page records its score (``record``, from ``readability.signals``);
unpublishing it forgets it, deleting the page deletes the row. Lists of pages read the stored
rows in one query (``scores_of``, ``band_counts``); a page published before the store
existed, or changed without a new live revision, has no current row and is scored once, when
first read, and stored. ``lix_of`` answers for one page, stored when the page is live in
Swedish, computed from its text otherwise (a page that was never published has no row).
"""

from collections import Counter

from django.conf import settings

from wagtail.models import Page

from readability.page_text import page_readability
from readability.score import Lix

from .models import PublishedLix


def record(page) -> PublishedLix:
    """Score ``page``'s text as it is now and store it as its published LIX."""
    found = page_readability(page.specific)
    lix = found.lix
    row, _created = PublishedLix.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "revision_id": page.live_revision_id,
            "score": lix.score,
            "band": lix.band[0] if lix.band else "",
            "words": lix.words,
            "sentences": lix.sentences,
            "long_words": lix.long_words,
            "long_sentences": len(found.long_sentences),
        },
    )
    return row


def forget(page_id: int) -> None:
    PublishedLix.objects.filter(page_id=page_id).delete()


def forget_aliases(page_id: int) -> None:
    """An alias takes its original's text after the publish: read it again when next asked."""
    PublishedLix.objects.filter(page__alias_of_id=page_id).delete()


def is_current(row: PublishedLix | None, page) -> bool:
    return row is not None and row.revision_id == page.live_revision_id


def scores_of(pages) -> dict[int, Lix]:
    """The stored LIX of each live Swedish page in ``pages`` (loaded pages), by page id.

    One query whatever the number of pages; a page without a current row is scored once
    and stored.
    """
    pages = {page.pk: page for page in pages}
    rows = {row.page_id: row for row in PublishedLix.objects.filter(page_id__in=list(pages))}
    scores = {}
    for pk, page in pages.items():
        row = rows.get(pk)
        if not is_current(row, page):
            row = record(page)
        scores[pk] = row.lix
    return scores


def band_counts(pages) -> Counter:
    """How many of the live Swedish pages in the queryset ``pages`` are in each band (key).

    One query for the pages and their rows together; pages without words count nowhere.
    """
    rows = pages.values_list(
        "pk",
        "live_revision_id",
        "published_lix__pk",
        "published_lix__revision_id",
        "published_lix__band",
    )
    counts: Counter = Counter()
    missing = []
    for pk, live_revision_id, stored, revision_id, band in rows:
        if stored is None or revision_id != live_revision_id:
            missing.append(pk)
        elif band:
            counts[band] += 1
    for page in Page.objects.filter(pk__in=missing):
        row = record(page)
        if row.band:
            counts[row.band] += 1
    return counts


def lix_of(page) -> Lix:
    """The page's LIX: as published for a live Swedish page, else from its text now."""
    if page.live and page.locale.language_code == settings.LANGUAGE_CODE:
        return scores_of([page])[page.pk]
    return page_readability(page.specific).lix
