"""PO exchange with translation agencies: export per locale, import back, refuse bad files."""

import io
import zipfile

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail_localize.models import StringTranslation

import polib
import pytest

from review.states import State, review_state
from tests.review.review_helpers import AGENCY_BODY, translation_for

BODY = AGENCY_BODY


def export(client, code="so"):
    response = client.post(reverse("review:po_export", args=[code]))
    assert response.status_code == 200, response
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return {name: polib.pofile(archive.read(name).decode()) for name in archive.namelist()}


def as_zip(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, po in files.items():
            archive.writestr(name, str(po))
    buffer.seek(0)
    buffer.name = "tillbaka.zip"
    return buffer


def fill(po, **overrides):
    for entry in po:
        entry.msgstr = overrides.get(entry.msgctxt, f"[so] {entry.msgid}")
    return po


def upload(client, files, code="so"):
    response = client.post(reverse("review:po_import", args=[code]), {"file": as_zip(files)})
    assert response.status_code == 302
    return [str(message) for message in get_messages(response.wsgi_request)]


def so_strings(work):
    """The Somali strings of the page under test (the Somali home has its own)."""
    return StringTranslation.objects.filter(
        locale__language_code="so", context__object_id=work["page"].translation_key
    )


def test_export_contains_pages_needing_translation(client, users, so_work):
    client.force_login(users["so"])
    files = export(client)
    assert len(files) == 1
    ((name, po),) = files.items()
    assert name.endswith("-so.po")
    contexts = {entry.msgctxt: entry.msgid for entry in po}
    assert contexts["title"] == "Strategin"
    assert "Vi söker <b>partner</b> i Europa för %(antal)s projekt." in contexts.values()


def test_round_trip_creates_reviewable_draft(client, users, so_work):
    client.force_login(users["so"])
    files = {name: fill(po) for name, po in export(client).items()}
    messages = upload(client, files)
    assert "importerades som utkast" in messages[0]
    assert so_strings(so_work).count() == 3
    assert set(so_strings(so_work).values_list("translation_type", flat=True)) == {"manual"}
    item = review_state(so_work["page"], so_work["target"].locale)
    assert item.state == State.IN_REVIEW
    target = item.target_page
    assert target.get_latest_revision_as_object().title == "[so] Strategin"
    assert not target.live


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ("Vi söker partner i Europa för %(antal)s projekt.", "taggarna"),
        ("Vi söker <b>partner i Europa för %(antal)s projekt.", "trasig kodning"),
        ("Vi söker <b>partner</b> i Europa för projekt.", "platshållarna"),
        ("Vi söker <i>partner</b> i Europa för %(antal)s projekt.", "trasig kodning"),
    ],
)
def test_bad_markup_or_placeholders_refuse_everything(client, users, so_work, override, message):
    client.force_login(users["so"])
    ((name, po),) = export(client).items()
    body_context = next(entry.msgctxt for entry in po if "<b>" in entry.msgid)
    messages = upload(client, {name: fill(po, **{body_context: override})})
    assert "Inget importerades" in messages[0]
    assert message in messages[0]
    assert not so_strings(so_work).exists()


def test_wrong_ids_refuse_everything(client, users, so_work):
    client.force_login(users["so"])
    ((name, po),) = export(client).items()
    good = fill(po)
    unknown = polib.POFile()
    unknown.metadata = dict(po.metadata)
    unknown.append(polib.POEntry(msgid="Text som inte finns", msgctxt="intro", msgstr="X"))
    wrong_uuid = polib.POFile()
    wrong_uuid.metadata = {**po.metadata, "X-WagtailLocalize-TranslationID": "not-a-uuid"}
    messages = upload(client, {name: good, "okand.po": unknown, "fel-id.po": wrong_uuid})
    assert "Inget importerades" in messages[0]
    assert "okänd källtext" in messages[0]
    assert "okänt ID" in messages[0]
    assert not so_strings(so_work).exists()


def test_file_for_another_locale_is_refused(client, users, so_work):
    client.force_login(users["admin"])
    ar_files = export(client, "ar")
    messages = upload(client, {name: fill(po) for name, po in ar_files.items()}, code="so")
    assert "ett annat språk" in messages[0]
    assert not StringTranslation.objects.filter(
        context__object_id=so_work["page"].translation_key
    ).exists()


def test_not_a_po_file(client, users, so_work):
    client.force_login(users["so"])
    garbage = io.BytesIO(b"\x89PNG not a po")
    garbage.name = "bild.png"
    response = client.post(reverse("review:po_import", args=["so"]), {"file": garbage})
    assert response.status_code == 302
    assert "PO-fil" in str(list(get_messages(response.wsgi_request))[0])


def test_existing_translations_not_overwritten_by_refused_file(client, users, so_work):
    client.force_login(users["so"])
    ((name, po),) = export(client).items()
    upload(client, {name: fill(po)})
    before = dict(so_strings(so_work).values_list("pk", "data"))
    ((name, po),) = export(client).items()
    body_context = next(entry.msgctxt for entry in po if "<b>" in entry.msgid)
    fill(po, title="Ny titel", **{body_context: "trasig <b>text"})
    upload(client, {name: po})
    assert dict(so_strings(so_work).values_list("pk", "data")) == before


def test_other_locale_export_and_import_denied(client, users, so_work):
    client.force_login(users["ar"])
    response = client.post(reverse("review:po_export", args=["so"]))
    assert response.status_code in (302, 403)
    assert b"PK" not in response.content[:2]
    client.force_login(users["kommunikator"])
    response = client.post(reverse("review:po_export", args=["so"]))
    assert response.status_code in (302, 403)
    client.force_login(users["admin"])
    response = client.post(reverse("review:po_export", args=["sv"]))
    assert response.status_code in (302, 404)  # LocaleMiddleware may redirect a 404
    assert b"PK" not in response.content[:2]


def test_exchange_page_lists_own_locales(client, users, so_work):
    client.force_login(users["so"])
    response = client.get(reverse("review:po_exchange"))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("review:po_export", args=["so"]) in html
    assert reverse("review:po_import", args=["ar"]) not in html
    client.force_login(users["kommunikator"])
    assert client.get(reverse("review:po_exchange")).status_code in (302, 403)


def editor_upload(client, target, po):
    translation = translation_for(target)
    upload = io.BytesIO(str(po).encode())
    upload.name = "sida.po"
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": edit_url},
    )
    assert response.status_code == 302
    assert response.url == edit_url
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_editor_po_upload_gets_the_same_checks(client, users, so_work):
    client.force_login(users["so"])
    ((name, po),) = export(client).items()
    body_context = next(entry.msgctxt for entry in po if "<b>" in entry.msgid)
    messages = editor_upload(client, so_work["target"], fill(po, **{body_context: "<b>trasig"}))
    assert "Inget importerades" in messages[0]
    assert not so_strings(so_work).exists()

    editor_upload(client, so_work["target"], fill(po))
    assert so_strings(so_work).count() == 3


def test_export_brings_stale_translation_up_to_date(client, users, so_work):
    client.force_login(users["so"])
    ((name, po),) = export(client).items()
    upload(client, {name: fill(po)})
    page = so_work["page"]
    page.intro = "Kommunen samarbetar med hela världen."
    page.save_revision().publish()
    page.refresh_from_db()
    assert review_state(page, so_work["target"].locale).state == State.STALE
    # Looking at the exchange page changes nothing.
    client.get(reverse("review:po_exchange"))
    assert review_state(page, so_work["target"].locale).state == State.STALE
    ((name, po),) = export(client).items()
    untranslated = [entry.msgid for entry in po if not entry.msgstr]
    assert untranslated == ["Kommunen samarbetar med hela världen."]
    assert client.get(reverse("review:po_export", args=["so"])).status_code == 405
