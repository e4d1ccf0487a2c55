"""The Somali translator works with an agency: exports PO files, imports them back, sees drafts.

Somali drafts are machine drafts from the Azure engine, which the municipality has an
agency check and correct: the translator downloads the zip of PO files from Granskning ›
Filer för översättningsbyråer, the agency fills in the translations, the translator uploads
the zip, and the pages are drafts in Somali, in review.
"""

import io
import zipfile

from django.urls import reverse

import polib
import pytest

from international.models import StrategyAreaPage

from . import editor, queue, sites
from .harness import DESKTOP, login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.journey,
    pytest.mark.django_db(serialized_rollback=True),
]

AGENCY = "Turjumaad hay'ad"


def build_site():
    pages = list(StrategyAreaPage.objects.filter(locale__language_code="sv").live()[:2])
    sites.drafts(pages, ["so"])
    return {"pages": pages}


def agency_translates(zip_bytes: bytes) -> bytes:
    """Every entry of every file gets the agency's Somali text, as an agency returns them:
    the machine drafts' entries (Azure's) post-edited, the empty ones translated."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as source, zipfile.ZipFile(out, "w") as result:
        for name in source.namelist():
            po = polib.pofile(source.read(name).decode("utf-8"))
            for number, entry in enumerate(po):
                entry.msgstr = somali(entry.msgid, number)
                entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
            result.writestr(name, str(po))
    return out.getvalue()


def somali(msgid: str, number: int) -> str:
    """The source's inline tags and placeholders kept, the words Somali."""
    import re

    tags = re.findall(r"<[^>]+>|\{[^}]*\}|%\([^)]*\)s", msgid)
    if not tags:
        return f"{AGENCY} {number}"
    return f"{AGENCY} {number} " + "".join(tags)


def test_somali_translator_exports_and_imports_an_agency_file(journey, journey_site, tmp_path):
    session = journey("oversattare-so", "so", DESKTOP)
    login(session, "oversattare-so")
    session.goto(reverse("review:queue"))
    session.step("queue")
    session.page.locator(f"a[href='{reverse('review:po_exchange')}']").first.click()
    session.page.wait_for_load_state("networkidle")
    session.step("po-files")
    export = session.page.locator(f"form[action='{reverse('review:po_export', args=['so'])}']")
    with session.page.expect_download() as download:
        export.locator("button[type=submit]").click()
    exported = download.value.path().read_bytes()
    with zipfile.ZipFile(io.BytesIO(exported)) as archive:
        assert len(archive.namelist()) >= len(journey_site["pages"])
    returned = tmp_path / "oversattning-so.zip"
    returned.write_bytes(agency_translates(exported))

    session.goto(reverse("review:po_exchange"))
    importer = session.page.locator(f"form[action='{reverse('review:po_import', args=['so'])}']")
    importer.locator("input[type=file]").set_input_files(str(returned))
    importer.locator("button[type=submit]").click()
    session.page.wait_for_load_state("networkidle")
    session.step("imported")
    assert session.page.locator(".messages .success").count() == 1, session.page.locator(
        ".messages"
    ).all_inner_texts()

    # The drafts: in the queue as in review, and the editor shows the agency's text.
    queue.open_state(session, "in_review")
    for page in journey_site["pages"]:
        row = queue.row(session, page, "so", "in_review")
        assert row.count() == 1, f"{page.title} is not in review in Somali"
    session.step("queue-after-import")
    target = journey_site["pages"][0].get_translation(
        journey_site["pages"][0].locale.__class__.objects.get(language_code="so")
    )
    session.goto(sites.editor_url(target))
    editor.segments(session.page).first.wait_for()
    assert session.page.locator(".js-translation-editor").get_by_text(AGENCY).count() >= 1
    session.step("editor-agency-text")
    session.finish()
