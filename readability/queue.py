"""The source's LIX beside each item of the translators' review queue, and counts by band.

Translators see how hard the Swedish text is before they start, and can take the hardest
first (``?sort=lix``) or see how many pages wait in each band.
"""

from collections import Counter

from core.page_text import page_readability
from core.readability import BANDS


def annotate(items) -> list[tuple[str, str, int]]:
    """Put each item's source LIX in ``item.extra["lix"]``; return (key, name, count) by band."""
    scores = {}
    for item in items:
        page = item.source_page
        if page.pk not in scores:
            scores[page.pk] = page_readability(page.specific).lix
        item.extra["lix"] = scores[page.pk]
    counts = Counter(lix.band[0] for lix in scores.values() if lix.band)
    return [(key, str(name), counts[key]) for _bound, key, name in BANDS if counts[key]]


def hardest_first(members) -> None:
    members.sort(
        key=lambda item: -(item.extra.get("lix").score or 0) if item.extra.get("lix") else 0
    )
