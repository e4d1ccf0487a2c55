"""The Arabic and the Tigrinya translator send a page to an agency as XLIFF and take it back.

The translator (not an administrator) opens Granskning › Filer för översättningsbyråer,
downloads the XLIFF files of the pages waiting in their language (Arabic: XLIFF 2.0 at a
desktop width; Tigrinya: XLIFF 1.2 on a phone), the agency's CAT tool changes one target of
one page (here lxml, as a tool writes the file back), the translator uploads that file,
reads the report for it, and finds the agency's text in wagtail-localize's editor as a
draft: saved for review, not published.
"""

import io
import zipfile

from django.conf import settings
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

import pytest
from lxml import etree

from international.models import StrategyAreaPage
from review.po_exchange import EXPORT_STATES
from review.states import review_state
from review.xliff_export import NS12, NS20

from . import editor, sites
from .harness import DESKTOP, PHONE, login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.journey,
    pytest.mark.django_db(serialized_rollback=True),
]

ROUND_TRIPS = [("ar", DESKTOP, "2.0"), ("ti", PHONE, "1.2")]
EDITED = {"ar": "عنوان راجعته الوكالة", "ti": "ኣርእስቲ ብኤጀንሲ ዝተመርመረ"}


def build_site():
    """A new Swedish strategy area per language (a copy of the demo's first: the demo has
    published and approved its own in every language), drafted by the pipeline (DeepL for
    Arabic, the Azure container for Tigrinya) as after a Swedish publish."""
    model = StrategyAreaPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    original = model.live().order_by("path").first()
    pages = {}
    for code in ("ar", "ti"):
        page = original.copy(
            update_attrs={"title": f"Arbete med byrån {code}", "slug": f"arbete-med-byran-{code}"},
            keep_live=False,
        )
        page.save_revision().publish()
        sites.drafts([page], [code])
        state = review_state(page, Locale.objects.get(language_code=code))
        assert state.state in EXPORT_STATES and state.target_page is not None, state.state
        pages[code] = page
    return pages


def agency_edits_title(xlf: bytes, code: str) -> bytes:
    """The file as a CAT tool writes it back: the title unit's target replaced."""
    root = etree.fromstring(xlf)
    namespace = etree.QName(root).namespace
    ns = {"x": namespace}
    if namespace == NS12:
        (unit,) = [
            u for u in root.iterfind(".//x:trans-unit", ns) if u.get("id").startswith("title.")
        ]
        parent = unit
    else:
        assert namespace == NS20
        (unit,) = [u for u in root.iterfind(".//x:unit", ns) if u.get("id").startswith("title.")]
        parent = unit.find("x:segment", ns)
    target = parent.find("x:target", ns)
    if target is None:
        target = etree.Element(f"{{{namespace}}}target")
        parent.find("x:source", ns).addnext(target)
    for child in list(target):
        target.remove(child)
    target.text = EDITED[code]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@pytest.mark.parametrize(("code", "width", "version"), ROUND_TRIPS)
def test_translator_round_trips_a_page_through_xliff(
    journey, journey_site, tmp_path, code, width, version
):
    page = journey_site[code]
    locale = Locale.objects.get(language_code=code)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    session = journey(f"oversattare-{code}", code, width)
    login(session, f"oversattare-{code}")
    session.goto(reverse("review:queue"))
    session.page.locator(f"a[href='{reverse('review:po_exchange')}']").first.click()
    session.page.wait_for_load_state("networkidle")
    session.step(f"exchange-xliff-{version}")
    # Only their own language is offered to a translator.
    other = "ti" if code == "ar" else "ar"
    assert session.page.locator(f"#xliff-file-{other}").count() == 0

    export = session.page.locator(
        f"form[action='{reverse('review:xliff_export', args=[code, version])}']"
    )
    with session.page.expect_download() as download:
        export.locator("button[type=submit]").click()
    with zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes())) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    ours = f'original="urn:uuid:{translation.uuid}"'.encode()
    found = [(name, data) for name, data in files.items() if ours in data]
    assert len(found) == 1, sorted(files)
    ((name, xlf),) = found
    returned = tmp_path / name
    returned.write_bytes(agency_edits_title(xlf, code))

    importer = session.page.locator(f"form[action='{reverse('review:xliff_import', args=[code])}']")
    importer.locator("input[type=file]").set_input_files(str(returned))
    importer.locator("button[type=submit]").click()
    session.page.wait_for_load_state("networkidle")
    session.step(f"xliff-{version}-imported")
    report = session.page.locator(".messages")
    assert session.page.locator(".messages .success").count() == 1, report.all_inner_texts()
    assert session.page.locator(".messages .error").count() == 0, report.all_inner_texts()

    # Saved as the translator's draft, for review: the string is theirs (manual, "XLIFF"),
    # the latest revision has it, the published page does not.
    title = StringTranslation.objects.get(
        locale=locale, context__object_id=page.translation_key, context__path="title"
    )
    assert (title.data, title.translation_type, title.tool_name) == (
        EDITED[code],
        "manual",
        "XLIFF",
    )
    target = page.get_translation(locale)
    assert target.get_latest_revision_as_object().title == EDITED[code]
    live = target.live_revision.as_object().title if target.live_revision else None
    assert live != EDITED[code]

    session.goto(sites.editor_url(target))
    editor.segments(session.page).first.wait_for()
    assert session.page.locator(".js-translation-editor").get_by_text(EDITED[code]).count() >= 1
    session.step(f"editor-xliff-{version}-draft")
    session.finish()
