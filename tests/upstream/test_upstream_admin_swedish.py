"""Guards for portal/admin_swedish.py and portal/upstream_catalogs (issue 18, part 7).

Each fails when upstream changes what the workaround assumes, naming what to delete.
"""

from pathlib import Path

from django.contrib.staticfiles import finders

import wagtail
import wagtail_localize

import polib
from upstream_guard import changed

CATALOGS = Path(__file__).resolve().parents[2] / "portal" / "upstream_catalogs" / "sv"


def _bundle() -> str:
    return Path(finders.find("wagtail_localize/js/wagtail-localize.js")).read_text("utf-8")


def test_editor_still_hard_codes_its_section_title_and_menu_label():
    bundle = _bundle()
    assert "displayName} to ${" in bundle and "displayName} translation`" in bundle, changed(
        "portal/admin_swedish.py (sectionTitle)",
        "wagtail-localize's editor no longer builds 'X to Y translation' without gettext",
    )
    assert '"w-sr-only"},"More actions"' in bundle, changed(
        "portal/admin_swedish.py (moreActions)",
        "wagtail-localize's action menu no longer hard-codes 'More actions'",
    )


def _upstream_swedish(domain: str) -> dict[str, polib.POEntry]:
    entries = {}
    for package in (wagtail, wagtail_localize):
        root = Path(package.__file__).parent
        for path in root.glob(f"**/locale/sv/LC_MESSAGES/{domain}.po"):
            for entry in polib.pofile(str(path)):
                if entry.translated():
                    entries.setdefault(entry.msgid, entry)
    return entries


def test_upstream_swedish_catalogs_still_lack_our_overrides():
    upstream = _upstream_swedish("django")
    ours = polib.pofile(str(CATALOGS / "LC_MESSAGES" / "django.po"))
    now_translated = sorted(entry.msgid for entry in ours if entry.msgid in upstream)
    assert not now_translated, changed(
        "portal/upstream_catalogs/sv/LC_MESSAGES/django.po",
        f"upstream's Swedish now translates {now_translated}: delete those entries",
    )


def test_upstream_javascript_catalog_still_drops_the_trailing_space():
    upstream = _upstream_swedish("djangojs")
    ours = polib.pofile(str(CATALOGS / "LC_MESSAGES" / "djangojs.po"))
    fixed = sorted(
        entry.msgid
        for entry in ours
        if entry.msgid in upstream and upstream[entry.msgid].msgstr == entry.msgstr
    )
    assert not fixed, changed(
        "portal/upstream_catalogs/sv/LC_MESSAGES/djangojs.po",
        f"upstream's Swedish now reads as ours for {fixed}: delete those entries",
    )
