"""Hostile PO and zip uploads: a message naming the file, never a 500, never half an import."""

import datetime
import io
import struct
import zipfile

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

import polib
import pytest
import time_machine

from devtools.builders import add_child_page, start_translation

BODY = "<p>Vi söker <b>partner</b> i Europa.</p>"


@pytest.fixture
def so_work(tree):
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1), tick=True):
        page = tree["page"].specific
        page.body = BODY
        page.save_revision().publish()
        start_translation(page, "so")
        other = add_child_page(tree["home"], "Projekten", "projekten", intro="Projekt i Europa.")
        start_translation(other, "so")
        yield {"pages": [page, other]}


def so_strings():
    return StringTranslation.objects.filter(locale__language_code="so")


def exported(client) -> dict[str, bytes]:
    response = client.post(reverse("review:po_export", args=["so"]))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return {name: archive.read(name) for name in archive.namelist()}


def filled(data: bytes, **overrides) -> bytes:
    po = polib.pofile(data.decode())
    for entry in po:
        entry.msgstr = overrides.get(entry.msgctxt, f"[so] {entry.msgid}")
    return str(po).encode()


def zip_bytes(entries, compression=zipfile.ZIP_STORED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def post(client, data: bytes, name="tillbaka.zip") -> list[str]:
    upload = io.BytesIO(data)
    upload.name = name
    response = client.post(reverse("review:po_import", args=["so"]), {"file": upload})
    assert response.status_code == 302
    return [str(message) for message in get_messages(response.wsgi_request)]


def patch_headers(data: bytes, *, local_offset: int, central_offset: int, value: bytes) -> bytes:
    """Overwrite a field in every local file header and central directory entry."""
    data = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", local_offset), (b"PK\x01\x02", central_offset)):
        start = data.find(signature)
        while start != -1:
            data[start + offset : start + offset + len(value)] = value
            start = data.find(signature, start + 4)
    return bytes(data)


@pytest.fixture
def good(client, users, so_work):
    client.force_login(users["so"])
    return [(name, filled(data)) for name, data in exported(client).items()]


def assert_refused(messages, *fragments):
    for fragment in fragments:
        assert fragment in messages[-1], messages[-1]
    assert not so_strings().filter(data__startswith="[so]").exists()
    assert "importerades som utkast" not in messages[-1]


def test_good_upload_still_imports_both_files(client, good):
    messages = post(client, zip_bytes(good, zipfile.ZIP_DEFLATED))
    assert "importerades som utkast" in messages[0]
    assert so_strings().filter(data__startswith="[so]").count() == 5


def test_bad_crc_names_the_file(client, good):
    data = bytearray(zip_bytes(good[:1]))
    position = data.find(b"[so] ")
    data[position] = ord("X")
    assert_refused(post(client, bytes(data)), good[0][0], "kontrollsumman")
    assert not so_strings().filter(data__startswith="[so]").exists()


def test_unknown_compression_method(client, good):
    data = patch_headers(
        zip_bytes(good[:1]), local_offset=8, central_offset=10, value=struct.pack("<H", 99)
    )
    assert_refused(post(client, data), good[0][0], "komprimeringsmetod")


def test_encrypted_flag(client, good):
    data = patch_headers(
        zip_bytes(good[:1]), local_offset=6, central_offset=8, value=struct.pack("<H", 1)
    )
    assert_refused(post(client, data), good[0][0], "krypterad")


@pytest.mark.parametrize("keep", [0.3, 0.9])
def test_truncated_zip(client, good, keep):
    data = zip_bytes(good, zipfile.ZIP_DEFLATED)
    messages = post(client, data[: int(len(data) * keep)], name="avklippt.zip")
    assert_refused(messages, "avklippt.zip")


def test_entry_data_cut_short_keeps_directory(client, good):
    data = zip_bytes(good[:1], zipfile.ZIP_DEFLATED)
    directory = data.find(b"PK\x01\x02")
    # The entry's compressed data loses its last 40 bytes; the directory still points at it.
    broken = data[: directory - 40] + b"\x00" * 40 + data[directory:]
    assert_refused(post(client, broken), good[0][0])


def test_zip_bomb_by_ratio(client, good):
    bomb = b"# " + b"a" * (1024 * 1024) + b"\n"
    data = zip_bytes([("bomb.po", bomb)], zipfile.ZIP_DEFLATED)
    assert len(data) < 10_000
    assert_refused(post(client, data), "bomb.po", "misstänkt stor")


def test_file_too_large_unpacked(client, good, settings):
    settings.PO_UPLOAD_MAX_FILE_BYTES = 300
    assert_refused(post(client, zip_bytes(good)), good[0][0], "för stor uppackad")


def test_lying_size_header_is_caught_while_reading(client, good, settings):
    settings.PO_UPLOAD_MAX_FILE_BYTES = 5000
    big = b"#" + b" " * 20_000 + b"\n" + good[0][1]
    data = zip_bytes([(good[0][0], big)], zipfile.ZIP_DEFLATED)
    # The headers claim 100 bytes; reading stops at the real limit and the CRC never matches.
    data = patch_headers(data, local_offset=22, central_offset=24, value=struct.pack("<I", 100))
    assert_refused(post(client, data), good[0][0])


def test_upload_too_large(client, good, settings):
    settings.PO_UPLOAD_MAX_BYTES = 1000
    assert_refused(post(client, zip_bytes(good)), "tillbaka.zip", "för stor")


def test_too_many_entries(client, good, settings):
    settings.PO_UPLOAD_MAX_FILES = 3
    entries = good + [(f"extra-{number}.txt", b"x") for number in range(5)]
    assert_refused(post(client, zip_bytes(entries)), "tillbaka.zip", "för många filer")


@pytest.mark.parametrize("path", ["../../etc/sida.po", "/sida.po", "C:/sida.po", "a/b/c/sida.po"])
def test_nested_or_escaping_paths(client, good, path):
    assert_refused(post(client, zip_bytes([(path, good[0][1])])), path, "sökvägen")


def test_one_folder_level_is_accepted(client, good):
    entries = [(f"oversattning/{name}", data) for name, data in good]
    assert "importerades som utkast" in post(client, zip_bytes(entries))[0]


def test_zip_inside_zip(client, good):
    inner = zip_bytes(good)
    assert_refused(post(client, zip_bytes([("inre.zip", inner)])), "inre.zip", "inuti")


@pytest.mark.parametrize(
    "translation_id",
    ["-" * 36, "z" * 36, "{12345678-1234-5678-1234-567812345678}x\x00"],
)
def test_translation_id_not_a_uuid(client, good, translation_id):
    name, data = good[0]
    po = polib.pofile(data.decode())
    po.metadata["X-WagtailLocalize-TranslationID"] = translation_id
    assert_refused(post(client, str(po).encode(), name=name), name, "okänt ID")
    assert_refused(post(client, zip_bytes([(name, str(po).encode())])), name, "okänt ID")


@pytest.mark.parametrize(
    "markup",
    [
        "<![CDATA[<script>alert(1)</script>]]>",
        "<!DOCTYPE html>Text",
        "<?php echo 1; ?>Text",
        "<!-- dold -->Text",
    ],
)
def test_markup_declarations_refused(client, good, markup):
    name, data = good[0]
    assert_refused(
        post(client, zip_bytes([(name, filled(data, title=markup)), good[1]])),
        name,
        "kodningsdeklaration",
    )
    assert not so_strings().filter(data__startswith="[so]").exists()


def test_title_over_255_characters_reported_for_that_file_only(client, good):
    long_title = filled(good[0][1], title="Å" * 300)
    messages = post(client, zip_bytes([(good[0][0], long_title), good[1]]))
    assert_refused(messages, good[0][0], "title")
    assert good[1][0] not in messages[0]
    # All or nothing: the valid second file was not kept either.
    assert not so_strings().filter(data__startswith="[so]").exists()


def test_editor_upload_with_dashes_id(client, good, so_work):
    from tests.review.review_helpers import translation_for

    target = so_work["pages"][0].get_translation(Locale.objects.get(language_code="so"))
    po = polib.pofile(good[0][1].decode())
    po.metadata["X-WagtailLocalize-TranslationID"] = "-" * 36
    upload = io.BytesIO(str(po).encode())
    upload.name = "sida.po"
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation_for(target).pk]),
        {"file": upload, "next": edit_url},
    )
    assert response.status_code == 302
    assert "okänt ID" in str(list(get_messages(response.wsgi_request))[0])
    assert not so_strings().filter(data__startswith="[so]").exists()
