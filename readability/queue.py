"""The source's LIX beside each item of the translators' review queue, and counts by band.

Translators see how hard the Swedish text is before they start, and can take the hardest
first (``?sort=lix``, ordered in SQL on the stored scores by ``review.views``) or see how
many pages wait in each band. The scores are those stored when each page was published
(``readability.published``): one query for the shown items, one for the counts.
"""

from readability.score import BANDS

from . import published


def annotate(items) -> None:
    """Put each item's source LIX, as published, in ``item.extra["lix"]``."""
    pages = {item.source_page.pk: item.source_page for item in items}
    scores = published.scores_of(pages.values())
    for item in items:
        item.extra["lix"] = scores[item.source_page.pk]


def band_counts_of(pages) -> list[tuple[str, str, int]]:
    """(key, name, count) of the Swedish pages in the queryset ``pages`` per band, easiest
    first, bands without pages left out (a page waiting in several languages counts once)."""
    counts = published.band_counts(pages)
    return [(key, str(name), counts[key]) for _bound, key, name in BANDS if counts[key]]
