"""One demo page of each type readers open, by its Swedish path.

The site benchmark, the scale benchmark and the flat-cost test measure these, so that their
figures speak of the same pages (demo pages, present at every scale of ``load_demo``).
"""

READER_PAGES = {
    "home": "",
    "strategy": "strategi/",
    "strategy area": "strategi/verksamhetsutveckling/",
    "follow-up": "strategi/uppfoljning/",
    "news index": "nyheter/",
    "news item": "nyheter/ungdomsutbyte-i-morag/",
    "opportunity index": "mojligheter/",
    "opportunity": "mojligheter/ungdomsutbyte-italien/",
    "project index": "projekt/",
    "project": "projekt/grona-strak/",
    "partners": "partner/",
    "contact": "kontakt/",
    "accessibility": "tillganglighet/",
    "news feed (RSS)": "nyheter/rss/",
    "calendar (iCal)": "mojligheter/kalender/",
}


# The page types every measurement covers: the home page, the strategy and each section's
# listing and item pages.
SECTION_PAGES = (
    "home",
    "strategy",
    "news index",
    "news item",
    "opportunity index",
    "opportunity",
    "project index",
    "project",
    "partners",
)


def pick(*names: str, **extra: str) -> dict[str, str]:
    """The named reader pages, in ``READER_PAGES``' order, then ``extra`` (name -> path)."""
    return {name: path for name, path in READER_PAGES.items() if name in names} | extra
