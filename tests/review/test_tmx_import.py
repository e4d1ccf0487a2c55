"""TMX import on the exchange page: an agency's memory back, kept apart, nothing half-saved."""

import io
import zipfile

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail_localize.models import StringTranslation

import pytest
from lxml import etree

from devtools.builders import translate
from translation.models import AgencyMemory

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
INTRO = "Kommunen samarbetar i Europa."
# The body's paragraph as wagtail-localize keeps it, and what a CAT tool writes for it:
# the <b> tags as inline codes carrying the original tag.
BODY = "Vi söker <b>partner</b> i Europa för %(antal)s projekt."
BODY_SO = "Waxaan raadinaynaa <b>la-hawlgalayaal</b> Yurub %(antal)s mashruuc."


def tmx(*units, srclang="sv", version="1.4", declaration=True, doctype="") -> bytes:
    """A TMX file; each unit is ``{language: text}`` (text with ``<bpt>``-style codes as
    written) or ``(props, {language: text})``."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n' if declaration else "", doctype]
    parts.append(
        f'<tmx version="{version}"><header creationtool="Byråverktyget" creationtoolversion="9"'
        f' segtype="sentence" o-tmf="x" adminlang="en" srclang="{srclang}" datatype="html"/>'
        "<body>"
    )
    for unit in units:
        props, variants = unit if isinstance(unit, tuple) else ({}, unit)
        parts.append('<tu tuid="t1">' if "tuid" in props else "<tu>")
        for name, value in props.items():
            if name != "tuid":
                parts.append(f'<prop type="{name}">{value}</prop>')
        for language, text in variants.items():
            parts.append(f'<tuv xml:lang="{language}"><seg>{text}</seg></tuv>')
        parts.append("</tu>")
    parts.append("</body></tmx>")
    return "".join(parts).encode()


GOOD = tmx(
    {"sv": INTRO, "so": "Degmadu waxay iskaashi la leedahay Yurub."},
    {
        "sv": 'Vi söker <bpt i="1">&lt;b&gt;</bpt>partner<ept i="1">&lt;/b&gt;</ept>'
        " i Europa för %(antal)s projekt.",
        "so-SO": 'Waxaan raadinaynaa <bpt i="1">&lt;b&gt;</bpt>la-hawlgalayaal'
        '<ept i="1">&lt;/b&gt;</ept> Yurub %(antal)s mashruuc.',
    },
    # The same pair twice in one file is one pair; a tag written as text is read as a tag.
    {"sv": INTRO, "so": "Degmadu waxay iskaashi la leedahay Yurub."},
    {"sv": "Ny &lt;i&gt;text&lt;/i&gt;", "so": "Qoraal <hi>cusub</hi> &lt;i&gt;x&lt;/i&gt;"},
)


def upload(client, data, code="so", name="byra.tmx") -> tuple[int, list[str]]:
    file = io.BytesIO(data)
    file.name = name
    response = client.post(reverse("review:tmx_import", args=[code]), {"file": file})
    found = [str(message) for message in get_messages(response.wsgi_request)]
    client.get(reverse("review:po_exchange"))  # shown: the next upload's are its own
    return response.status_code, found


def pairs(code="so"):
    return set(
        AgencyMemory.objects.filter(locale__language_code=code).values_list(
            "source_text", "target_text"
        )
    )


def test_good_file_is_kept_apart_from_the_memory(client, users, so_work):
    strings = StringTranslation.objects.count()
    client.force_login(users["so"])
    status, messages = upload(client, GOOD)
    assert status == 302
    assert "Nya par i byråns översättningsminne: 3" in messages[0], messages
    assert pairs() == {
        (INTRO, "Degmadu waxay iskaashi la leedahay Yurub."),
        (BODY, BODY_SO),
        ("Ny <i>text</i>", "Qoraal cusub <i>x</i>"),
    }
    row = AgencyMemory.objects.get(source_text=INTRO)
    assert (row.origin, row.imported_by) == ("byra.tmx", users["so"])
    # Nothing reached a page or wagtail-localize's memory.
    assert StringTranslation.objects.count() == strings
    assert not so_work["target"].revisions.filter(user=users["so"]).exists()


def test_reimporting_the_same_file_changes_nothing(client, users, so_work):
    client.force_login(users["so"])
    upload(client, GOOD)
    before = list(AgencyMemory.objects.order_by("pk").values())
    status, messages = upload(client, GOOD)
    assert "Nya par i byråns översättningsminne: 0" in messages[0]
    assert "utan ändringar" in messages[1] and "byra.tmx" in messages[1]
    assert list(AgencyMemory.objects.order_by("pk").values()) == before
    # An edited pair for the same Swedish text is a new pair: both are kept, the newest wins.
    edited = GOOD.replace(b"Degmadu waxay", b"Degmada waxay")
    status, messages = upload(client, edited)
    assert "Nya par i byråns översättningsminne: 1" in messages[0]
    assert len(pairs()) == 4


@pytest.mark.parametrize("machine", [False, True])
def test_our_own_export_imported_back_changes_nothing(client, users, tree, machine):
    page = tree["page"]
    translate(page, "so", kind=StringTranslation.TRANSLATION_TYPE_MACHINE)
    title = StringTranslation.objects.get(
        locale__language_code="so", context__object_id=page.translation_key, context__path="title"
    )
    title.data, title.translation_type = "Istaraatiijiyadda", "manual"
    title.save()
    client.force_login(users["so"])
    url = reverse("review:tmx_export", args=["so"]) + ("?maskin=1" if machine else "")
    exported = client.get(url).content
    assert b"Istaraatiijiyadda" in exported
    strings = list(StringTranslation.objects.order_by("pk").values())
    status, messages = upload(client, exported, name="minne-sv-so.tmx")
    assert "Nya par i byråns översättningsminne: 0" in messages[0], messages
    if machine:
        assert "Maskinöversatta enheter hoppades över: 1" in " ".join(messages)
    assert "utan ändringar" in " ".join(messages)
    assert not AgencyMemory.objects.exists()
    assert list(StringTranslation.objects.order_by("pk").values()) == strings


def _doctype(data: bytes) -> bytes:
    return data.replace(
        b"?>\n", b'?>\n<!DOCTYPE tmx [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>\n', 1
    ).replace(b"Degmadu waxay", b"&b;", 1)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (GOOD[: len(GOOD) // 2], "ingen läsbar XML-fil"),
        (
            GOOD.decode().replace("Yurub", "Yürub").encode("latin-1"),
            "fel teckenkodning",
        ),
        (b"\x89PNG\r\n\x1a\n" + GOOD, "ingen läsbar XML-fil"),
        (_doctype(GOOD), "DOCTYPE med egna deklarationer"),
        (b'<?xml version="1.0"?><xliff version="1.2"/>', "ingen TMX-fil"),
        (tmx({"sv": INTRO, "so": "x"}, version="1.3"), "bara TMX 1.4"),
        (tmx({"en": INTRO, "so": "x"}, srclang="en"), "källspråket i filen är en"),
        (tmx({"sv": INTRO, "ar": "التعاون"}), "ett annat språk"),
        (tmx({"sv": INTRO, "so": "x"}, {"sv": "Ensam"}), "enhet 2 (-): översättningen till so"),
        (tmx({"sv": INTRO, "so": "x"}, {"so": "x"}), "enhet 2 (-): den svenska texten saknas"),
        (tmx({"sv": INTRO, "so": "x", "ar": "y"}), "språket ar hör inte till paret sv–so"),
        (tmx(({"tuid": 1}, {"sv": INTRO, "so": "   "})), "enhet 1 (t1): översättningen"),
        (tmx({"sv": BODY.replace("<", "&lt;"), "so": "Waxaan %(antal)s"}), "taggarna"),
        (
            tmx({"sv": BODY.replace("<", "&lt;"), "so": "Waxaan &lt;b&gt;la %(antal)s"}),
            "trasig kodning",
        ),
        (
            tmx({"sv": BODY.replace("<", "&lt;"), "so": BODY_SO.replace("<", "&lt;")[:-20]}),
            "platshållarna",
        ),
        (
            tmx({"sv": INTRO, "so": "Degmadu &lt;!-- x --&gt;"}),
            "kodningsdeklaration",
        ),
        (tmx({"sv": INTRO, "so": "Degmadu <sub>x</sub>"}), "<sub> stöds inte"),
        (tmx({"sv": INTRO, "so": 'D <bpt i="1">&lt;b&gt;<sub>y</sub></bpt>'}), "<bpt> med"),
        (tmx({"sv": INTRO, "so": "x" * 20_001}), "för lång"),
        (tmx(), "inga översättningsenheter"),
    ],
)
def test_bad_files_are_refused_with_a_message_per_file_and_unit(
    client, users, so_work, data, message
):
    client.force_login(users["so"])
    status, messages = upload(client, data, name="trasig.tmx")
    assert status == 302
    assert "Inget importerades" in messages[0], messages
    assert "trasig.tmx" in messages[0] and message in messages[0], messages
    assert not AgencyMemory.objects.exists()


def test_one_bad_file_in_a_zip_saves_nothing_and_size_is_limited(client, users, so_work, settings):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bra.tmx", GOOD)
        archive.writestr("fel.tmx", tmx({"sv": INTRO, "so": "x"}, {"sv": "Ensam"}))
    client.force_login(users["so"])
    status, messages = upload(client, buffer.getvalue(), name="byra.zip")
    assert "Inget importerades" in messages[0] and "fel.tmx: enhet 2" in messages[0]
    assert "bra.tmx" not in messages[0]
    assert not AgencyMemory.objects.exists()
    status, messages = upload(client, b"msgid", name="fil.po")
    assert "TMX-fil" in messages[0]
    settings.PO_UPLOAD_MAX_BYTES = 100
    status, messages = upload(client, GOOD)
    assert "för stor" in messages[0]
    assert not AgencyMemory.objects.exists()


def test_a_doctype_naming_the_tmx_dtd_is_read_without_loading_it(client, users, so_work):
    data = GOOD.replace(b"?>\n", b'?>\n<!DOCTYPE tmx SYSTEM "http://127.0.0.1:9/tmx14.dtd">\n', 1)
    client.force_login(users["so"])
    status, messages = upload(client, data)
    assert "Nya par i byråns översättningsminne: 3" in messages[0], messages


@pytest.mark.parametrize(
    ("user", "code", "allowed"),
    [
        ("so", "so", True),
        ("samordnare", "so", True),
        ("admin", "so", True),
        ("ar", "so", False),
        ("kommunikator", "so", False),
        ("so", "sv", False),
    ],
)
def test_only_translators_of_the_language_and_coordinators_import(
    client, users, so_work, user, code, allowed
):
    client.force_login(users[user])
    file = io.BytesIO(GOOD)
    file.name = "byra.tmx"
    response = client.post(reverse("review:tmx_import", args=[code]), {"file": file})
    if allowed:
        assert response.status_code == 302
        assert len(pairs()) == 3
    else:
        assert response.status_code in (302, 403, 404)
        assert not AgencyMemory.objects.exists()
    assert client.get(reverse("review:tmx_import", args=["so"])).status_code == 405


def test_exchange_page_offers_the_tmx_import(client, users, so_work):
    client.force_login(users["so"])
    html = client.get(reverse("review:po_exchange")).content.decode()
    assert reverse("review:tmx_import", args=["so"]) in html
    assert reverse("review:tmx_import", args=["ar"]) not in html
    assert 'accept=".tmx,.zip"' in html
    root = etree.HTML(html)
    assert root.xpath("//label[@for='tmx-file-so']")
