"""The source's LIX beside each item of the translators' review queue, and counts by band.

Translators see how hard the Swedish text is before they start, and can take the hardest
first (``?sort=lix``) or see how many pages wait in each band. The scores are those stored
when each page was published (``readability.published``): one query for the whole queue.
"""

from collections import Counter

from readability.score import BANDS

from . import published


def annotate(items) -> None:
    """Put each item's source LIX, as published, in ``item.extra["lix"]``."""
    pages = {item.source_page.pk: item.source_page for item in items}
    scores = published.scores_of(pages.values())
    for item in items:
        item.extra["lix"] = scores[item.source_page.pk]


def band_counts(items) -> list[tuple[str, str, int]]:
    """(key, name, count) of the annotated ``items``' Swedish pages per band, easiest first;
    a page waiting in several languages counts once, bands without pages are left out."""
    bands = {item.source_page.pk: item.extra["lix"].band for item in items}
    counts = Counter(band[0] for band in bands.values() if band)
    return [(key, str(name), counts[key]) for _bound, key, name in BANDS if counts[key]]


def hardest_first(members) -> None:
    """Sort by falling LIX, stable (the oldest first within a score); no words: last."""
    members.sort(key=lambda item: -(item.extra["lix"].score or 0))
