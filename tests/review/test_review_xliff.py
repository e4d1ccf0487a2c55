"""XLIFF 1.2/2.0 and TMX exchange with agencies: export, import back, refuse bad files."""

import copy
import io
import zipfile

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail_localize.models import StringTranslation

import pytest
from lxml import etree
from rapidfuzz import fuzz

from devtools.builders import add_child_page, start_translation, translate
from review.models import StringApproval
from review.states import State, review_state
from review.xliff_export import NS12, NS20, NSMTC
from tests.review.review_helpers import AGENCY_BODY, translation_for
from tests.review.xliff_structure import assert_tmx14, assert_xliff12, assert_xliff20
from translation.estimates import plain_text
from translation.models import text_hash

BODY = AGENCY_BODY
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def export(client, version, code="so") -> dict[str, etree._Element]:
    response = client.post(reverse("review:xliff_export", args=[code, version]))
    assert response.status_code == 200, response
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    files = {name: etree.fromstring(archive.read(name)) for name in archive.namelist()}
    for root in files.values():
        (assert_xliff12 if version == "1.2" else assert_xliff20)(root)
    return files


def as_text(element) -> str | None:
    """A source or target as the portal stores it (our test texts only use <b>)."""
    if element is None:
        return None
    parts = [element.text or ""]
    for child in element:
        assert etree.QName(child).localname in ("g", "pc"), child.tag
        parts.append(f"<b>{as_text(child)}</b>")
        parts.append(child.tail or "")
    return "".join(parts)


def units(root) -> list[dict]:
    """Each unit's id, source, target (None when absent), state and notes."""
    result = []
    if etree.QName(root).namespace == NS12:
        ns = {"x": NS12}
        for unit in root.iterfind(".//x:trans-unit", ns):
            target = unit.find("x:target", ns)
            result.append(
                {
                    "element": unit,
                    "id": unit.get("id"),
                    "source": as_text(unit.find("x:source", ns)),
                    "target": as_text(target),
                    "state": target.get("state") if target is not None else None,
                    "notes": [note.text for note in unit.iterfind("x:note", ns)],
                }
            )
    else:
        ns = {"x": NS20}
        for unit in root.iterfind(".//x:unit", ns):
            segment = unit.find("x:segment", ns)
            target = segment.find("x:target", ns)
            result.append(
                {
                    "element": unit,
                    "id": unit.get("id"),
                    "source": as_text(segment.find("x:source", ns)),
                    "target": as_text(target),
                    "state": segment.get("state"),
                    "sub_state": segment.get("subState"),
                    "notes": [note.text for note in unit.iterfind("x:notes/x:note", ns)],
                }
            )
    return result


def fill(root, **overrides):
    """Translate every unit: ``[so] `` before the source, inline codes kept, or an override
    (a plain text, tags as text) for that unit's field."""
    ns = etree.QName(root).namespace
    for unit in units(root):
        element = unit["element"]
        path = element.get("resname") or element.get("name")
        parent = element if ns == NS12 else element.find(f"{{{ns}}}segment")
        source = parent.find(f"{{{ns}}}source")
        target = parent.find(f"{{{ns}}}target")
        if target is None:
            target = etree.SubElement(parent, f"{{{ns}}}target")
        for child in list(target):
            target.remove(child)
        if path in overrides:
            target.text = overrides[path]
        else:
            target.text = "[so] " + (source.text or "")
            for child in source:
                target.append(copy.deepcopy(child))
    return root


def as_zip(files) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, root in files.items():
            data = root if isinstance(root, bytes) else etree.tostring(root, xml_declaration=True)
            archive.writestr(name, data)
    buffer.seek(0)
    buffer.name = "tillbaka.zip"
    return buffer


def upload(client, files, code="so", *, raw=None, name="tillbaka.zip") -> list[str]:
    data = raw if raw is not None else as_zip(files)
    if raw is not None:
        data = io.BytesIO(raw)
        data.name = name
    response = client.post(reverse("review:xliff_import", args=[code]), {"file": data})
    assert response.status_code == 302
    return [str(message) for message in get_messages(response.wsgi_request)]


def so_strings(work):
    return StringTranslation.objects.filter(
        locale__language_code="so", context__object_id=work["page"].translation_key
    )


def body_path(root) -> str:
    return next(
        (unit["element"].get("resname") or unit["element"].get("name"))
        for unit in units(root)
        if "<b>" in unit["source"]
    )


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_export_units_carry_source_state_and_notes(client, users, so_work, version):
    client.force_login(users["so"])
    files = export(client, version)
    assert len(files) == 1
    ((name, root),) = files.items()
    assert name.endswith("-so.xlf")
    translation = translation_for(so_work["target"])
    file = root.find("{*}file")
    assert file.get("original") == f"urn:uuid:{translation.uuid}"
    if version == "1.2":
        assert root.get("version") == "1.2"
        assert (file.get("source-language"), file.get("target-language")) == ("sv", "so")
    else:
        assert root.get("version") == "2.0"
        assert (root.get("srcLang"), root.get("trgLang")) == ("sv", "so")
    found = units(root)
    sources = {unit["source"] for unit in found}
    assert "Strategin" in sources
    assert BODY.removeprefix("<p>").removesuffix("</p>") in sources
    # The <b> is an inline code (1.2 <g ctype="bold">, 2.0 <pc>) the CAT tool protects.
    code = root.find(".//{*}source/{*}" + ("g" if version == "1.2" else "pc"))
    assert code is not None and code.text == "partner" and code.get("id") == "1"
    assert "&lt;b&gt;" not in etree.tostring(root).decode()
    title = next(unit for unit in found if unit["source"] == "Strategin")
    assert title["id"].startswith("title.")
    assert title["element"].get(XML_SPACE) == "preserve"
    assert "Fält: title" in title["notes"] and "Sida: Strategin" in title["notes"]
    assert {unit["state"] for unit in found} == {"new" if version == "1.2" else "initial"}
    assert len({unit["id"] for unit in found}) == len(found)
    # The same ids on the next export.
    assert [unit["id"] for unit in units(export(client, version)[name])] == [
        unit["id"] for unit in found
    ]


@pytest.mark.parametrize(
    ("version", "machine", "approved"),
    [("1.2", "needs-review-translation", "signed-off"), ("2.0", "initial", "reviewed")],
)
def test_states_follow_machine_human_and_approval(client, users, tree, version, machine, approved):
    page = tree["page"]
    target = translate(page, "so", kind=StringTranslation.TRANSLATION_TYPE_MACHINE)
    assert review_state(page, target.locale).state == State.MACHINE_DRAFT
    title = StringTranslation.objects.get(
        locale=target.locale, context__object_id=page.translation_key, context__path="title"
    )
    title.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    title.save()
    StringApproval.objects.create(string_translation=title, text_hash=text_hash(title.data))
    client.force_login(users["so"])
    ((_name, root),) = export(client, version).items()
    states = {unit["source"]: unit for unit in units(root)}
    assert states["Strategin"]["state"] == approved
    intro = states["Kommunen samarbetar i Europa."]
    assert intro["state"] == machine
    assert intro["target"] == "[so/machine] Kommunen samarbetar i Europa."
    if version == "2.0":
        assert intro["sub_state"] == "portal:machine"


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_round_trip_saves_drafts_and_an_unedited_file_changes_nothing(
    client, users, so_work, version
):
    client.force_login(users["so"])
    files = {name: fill(root) for name, root in export(client, version).items()}
    messages = upload(client, files)
    assert "importerades som utkast för granskning: 1" in messages[0]
    assert so_strings(so_work).count() == 3
    assert set(so_strings(so_work).values_list("tool_name", flat=True)) == {"XLIFF"}
    assert set(so_strings(so_work).values_list("translation_type", flat=True)) == {"manual"}
    item = review_state(so_work["page"], so_work["target"].locale)
    assert item.state == State.IN_REVIEW
    assert item.target_page.get_latest_revision_as_object().title == "[so] Strategin"
    assert not item.target_page.live

    before = list(so_strings(so_work).order_by("pk").values("pk", "data", "updated_at"))
    revisions = item.target_page.revisions.count()
    again = export(client, version)
    assert {unit["target"] for root in again.values() for unit in units(root)} == {
        f"[so] {unit['source']}" for root in again.values() for unit in units(root)
    }
    messages = upload(client, again)
    assert "utan ändringar" in " ".join(messages)
    assert list(so_strings(so_work).order_by("pk").values("pk", "data", "updated_at")) == before
    assert item.target_page.revisions.count() == revisions


@pytest.mark.parametrize("version", ["1.2", "2.0"])
@pytest.mark.parametrize(
    ("override", "message"),
    [
        ("Vi söker partner i Europa för %(antal)s projekt.", "taggarna"),
        ("Vi söker <b>partner i Europa för %(antal)s projekt.", "trasig kodning"),
        ("Vi söker <b>partner</b> i Europa för projekt.", "platshållarna"),
        ("Vi söker <b>partner</b><!-- x --> för %(antal)s projekt.", "kodningsdeklaration"),
    ],
)
def test_bad_markup_or_placeholders_refuse_everything(
    client, users, so_work, version, override, message
):
    client.force_login(users["so"])
    ((name, root),) = export(client, version).items()
    messages = upload(client, {name: fill(root, **{body_path(root): override})})
    assert "Inget importerades" in messages[0]
    assert message in messages[0]
    assert not so_strings(so_work).exists()


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_inline_codes_move_with_the_translation_and_become_the_source_tags(
    client, users, so_work, version
):
    client.force_login(users["so"])
    ((name, root),) = export(client, version).items()
    fill(root)
    ns = etree.QName(root).namespace
    code = root.find(f".//{{{ns}}}target/{{{ns}}}" + ("g" if version == "1.2" else "pc"))
    target = code.getparent()
    target.text = "Waxaan raadinaynaa "
    code.text = "la-hawlgalayaal"
    code.tail = " Yurub %(antal)s mashruuc."
    messages = upload(client, {name: root})
    assert "importerades som utkast" in messages[0], messages
    body = so_strings(so_work).get(data__contains="<b>")
    assert body.data == "Waxaan raadinaynaa <b>la-hawlgalayaal</b> Yurub %(antal)s mashruuc."

    ((name, root),) = export(client, version).items()
    assert "la-hawlgalayaal" in etree.tostring(root, encoding="unicode")
    code = root.find(f".//{{{ns}}}target/{{{ns}}}" + ("g" if version == "1.2" else "pc"))
    code.set("id", "7")
    code.getparent().text = "Cusub "
    messages = " ".join(upload(client, {name: root}))  # the first upload's message stays too
    assert "Inget importerades" in messages
    element = etree.QName(code).localname
    assert f'koden <{element} id="7"> finns inte i källtexten' in messages
    assert so_strings(so_work).get(pk=body.pk).data == body.data


def test_title_too_long_is_refused(client, users, so_work):
    client.force_login(users["so"])
    ((name, root),) = export(client, "2.0").items()
    messages = upload(client, {name: fill(root, title="x" * 300)})
    assert "högst 255 tecken" in messages[0]
    assert not so_strings(so_work).exists()


def test_unknown_unit_and_wrong_language_refuse_everything(client, users, so_work):
    client.force_login(users["so"])
    ((name, root),) = export(client, "1.2").items()
    fill(root)
    first = units(root)[0]["element"]
    first.set("id", "title.000000000000")
    root.find(f"{{{NS12}}}file").set("target-language", "ar")
    messages = upload(client, {name: root})
    assert "Inget importerades" in messages[0]
    assert "okänd källtext eller okänt ID" in messages[0]
    assert "målspråket ar" in messages[0]
    assert not so_strings(so_work).exists()


def test_file_for_another_locale_is_refused(client, users, so_work):
    client.force_login(users["admin"])
    files = {name: fill(root) for name, root in export(client, "2.0", "ar").items()}
    messages = upload(client, files, code="so")
    assert "ett annat språk" in messages[0]
    assert not StringTranslation.objects.filter(
        context__object_id=so_work["page"].translation_key
    ).exists()


def test_page_that_no_longer_exists(client, users, so_work):
    client.force_login(users["so"])
    ((name, root),) = export(client, "2.0").items()
    so_work["target"].delete()
    messages = upload(client, {name: fill(root)})
    assert "Inget importerades" in messages[0]
    # Deleting the target removes wagtail-localize's translation: the ID is unknown now.
    assert "finns inte längre" in messages[0] or "okänt ID" in messages[0]
    assert not so_strings(so_work).exists()


def good_file(client, version="1.2") -> tuple[str, bytes]:
    ((name, root),) = export(client, version).items()
    return name, etree.tostring(fill(root), xml_declaration=True, encoding="UTF-8")


@pytest.mark.parametrize(
    ("mangle", "message"),
    [
        (lambda data: data[: len(data) // 2], "ingen läsbar XML-fil"),
        (lambda data: data.decode().replace("[so]", "[sø]").encode("latin-1"), "teckenkodning"),
        (lambda data: b"\x89PNG\r\n\x1a\n" + data, "ingen läsbar XML-fil"),
        (
            lambda data: data.replace(
                b"?>\n",
                b'?>\n<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n',
                1,
            ).replace(b"[so] Strategin", b"&b;"),
            "DOCTYPE",
        ),
        (
            lambda data: data.replace(
                b"?>\n", b'?>\n<!DOCTYPE xliff SYSTEM "http://127.0.0.1:9/x.dtd">\n', 1
            ),
            "DOCTYPE",
        ),
        (lambda data: b'<?xml version="1.0"?><tmx version="1.4"/>', "ingen XLIFF"),
        (
            lambda data: data.replace(b"[so] Strategin", b"<g id='1'>[so] Strategin</g>"),
            'koden <g id="1"> finns inte i källtexten',
        ),
        (
            lambda data: data.replace(b"[so] Strategin", b"<bpt id='1'>[so] Strategin</bpt>"),
            "<bpt> stöds inte",
        ),
    ],
)
def test_malformed_files_get_a_message_and_nothing_is_saved(
    client, users, so_work, mangle, message
):
    client.force_login(users["so"])
    name, data = good_file(client)
    messages = upload(client, None, raw=mangle(data), name=name)
    assert "Inget importerades" in messages[0]
    assert name in messages[0] and message in messages[0]
    assert not so_strings(so_work).exists()


def test_bad_file_in_zip_refuses_the_good_one(client, users, tree, so_work):
    other = start_translation(
        tree["home"].add_child(
            instance=type(tree["page"].specific)(
                title="Projekten", slug="projekten", intro="Projekt.", locale=tree["page"].locale
            )
        ),
        "so",
    )
    assert other is not None
    client.force_login(users["so"])
    files = {name: fill(root) for name, root in export(client, "2.0").items()}
    assert len(files) == 2
    broken = next(iter(files))
    files[broken] = b"<xliff"
    messages = upload(client, files)
    assert "Inget importerades" in messages[0]
    assert (
        not StringTranslation.objects.filter(locale__language_code="so")
        .exclude(context__object_id=tree["home"].translation_key)
        .exists()
    )


def test_single_xlf_upload_and_wrong_type(client, users, so_work):
    client.force_login(users["so"])
    name, data = good_file(client, "2.0")
    data = data.replace(b"<segment", b"<!-- kommentar --><segment")  # a tool's comment
    messages = upload(client, None, raw=data, name=name)
    assert "importerades som utkast" in messages[0]
    assert so_strings(so_work).count() == 3
    messages = upload(client, None, raw=b"msgid", name="fil.po")
    assert "XLIFF-fil" in " ".join(messages)


def test_other_roles_are_refused(client, users, so_work):
    client.force_login(users["ar"])
    response = client.post(reverse("review:xliff_export", args=["so", "1.2"]))
    assert response.status_code in (302, 403)
    assert b"PK" not in response.content[:2]
    response = client.get(reverse("review:tmx_export", args=["so"]))
    assert response.status_code in (302, 403)
    assert b"<tmx" not in response.content
    client.force_login(users["so"])
    name, data = good_file(client)
    client.force_login(users["kommunikator"])
    response = client.post(reverse("review:xliff_import", args=["so"]), {"file": io.BytesIO(data)})
    assert response.status_code in (302, 403)
    assert not so_strings(so_work).exists()
    client.force_login(users["so"])
    assert client.post(reverse("review:xliff_export", args=["so", "3.0"])).status_code == 404


def test_exchange_page_offers_xliff_and_tmx(client, users, so_work):
    client.force_login(users["so"])
    html = client.get(reverse("review:po_exchange")).content.decode()
    assert reverse("review:xliff_export", args=["so", "2.0"]) in html
    assert reverse("review:xliff_import", args=["so"]) in html
    assert reverse("review:tmx_export", args=["so"]) in html
    assert reverse("review:tmx_export", args=["ar"]) not in html


def tmx(client, code="so", machine=False):
    url = reverse("review:tmx_export", args=[code]) + ("?maskin=1" if machine else "")
    response = client.get(url)
    assert response.status_code == 200
    root = etree.fromstring(response.content)
    assert_tmx14(root)
    header = root.find("header")
    assert header.get("srclang") == "sv"
    pairs = {}
    for unit in root.iterfind("body/tu"):
        variants = {
            variant.get("{http://www.w3.org/XML/1998/namespace}lang"): variant.findtext("seg")
            for variant in unit.iterfind("tuv")
        }
        props = {prop.get("type"): prop.text for prop in unit.iterfind("prop")}
        pairs[variants["sv"]] = (variants[code], props.get("x-translation-type"))
    return pairs


def test_tmx_has_human_strings_and_machine_only_when_asked(client, users, tree):
    page = tree["page"]
    translate(page, "so", kind=StringTranslation.TRANSLATION_TYPE_MACHINE)
    title = StringTranslation.objects.get(
        locale__language_code="so", context__object_id=page.translation_key, context__path="title"
    )
    title.data = "Istaraatiijiyadda"
    title.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    title.save()
    client.force_login(users["so"])
    human = tmx(client)
    assert human["Strategin"] == ("Istaraatiijiyadda", None)
    assert "Nässjö i världen" in human  # the human Somali home
    assert "Kommunen samarbetar i Europa." not in human
    with_machine = tmx(client, machine=True)
    assert with_machine["Kommunen samarbetar i Europa."] == (
        "[so/machine] Kommunen samarbetar i Europa.",
        "machine",
    )
    assert with_machine["Strategin"] == ("Istaraatiijiyadda", None)


# The fuzzy memory's suggestions as alternatives (issue #23) ----------------------------------

SIMILAR_BODY = "<p>Vi söker <b>partner</b> i Afrika för %(antal)s projekt.</p>"


def similar_page_translated_by_a_person(tree, code="so"):
    """A page like the agency's, its body differing in one word, translated by a person."""
    other = add_child_page(
        tree["home"], "Samarbete", "samarbete", intro="Kommunen samarbetar i Europa och Asien."
    )
    other.body = SIMILAR_BODY
    other.save_revision().publish()
    translate(
        other,
        code,
        kind=StringTranslation.TRANSLATION_TYPE_MANUAL,
        prefix=f"[{code}-person] ",
        publish=True,
    )
    return other


def alternatives(unit, version) -> list[dict]:
    element = unit["element"]
    if version == "1.2":
        found = element.findall(f"{{{NS12}}}alt-trans")
        quality = "match-quality"
    else:
        found = element.findall(f"{{{NSMTC}}}matches/{{{NSMTC}}}match")
        quality = "similarity"
    return [
        {
            "quality": int(item.get(quality)),
            "origin": item.get("origin"),
            "ref": item.get("ref"),
            "source": as_text(item[0]),
            "target": as_text(item[1]),
        }
        for item in found
    ]


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_export_offers_similar_human_translations_and_import_ignores_them(
    client, users, tree, so_work, version
):
    similar_page_translated_by_a_person(tree)
    client.force_login(users["so"])
    original = f"urn:uuid:{translation_for(so_work['target']).uuid}"
    files = export(client, version)
    (root,) = [r for r in files.values() if r.find("{*}file").get("original") == original]
    by_source = {unit["source"]: unit for unit in units(root)}
    body_source = BODY.removeprefix("<p>").removesuffix("</p>")
    similar_source = SIMILAR_BODY.removeprefix("<p>").removesuffix("</p>")

    (body,) = alternatives(by_source[body_source], version)
    assert body["source"] == similar_source
    assert body["target"] == f"[so-person] {similar_source}"
    assert body["quality"] == int(fuzz.ratio(plain_text(body_source), plain_text(similar_source)))
    assert 75 <= body["quality"] < 100
    assert body["origin"] == "translation-memory"
    (intro,) = alternatives(by_source["Kommunen samarbetar i Europa."], version)
    assert intro["target"] == "[so-person] Kommunen samarbetar i Europa och Asien."
    assert alternatives(by_source["Strategin"], version) == []  # "Samarbete": too different
    if version == "2.0":
        unit = by_source[body_source]["element"]
        assert etree.QName(unit[0]) == etree.QName(NSMTC, "matches")  # before <notes>
        assert body["ref"] == "#" + unit.find(f"{{{NS20}}}segment").get("id")

    # Sent back untouched: the alternatives are no translations, nothing is saved.
    upload(client, files)
    assert so_strings(so_work).count() == 0
    # Translated: the targets are imported, never an alternative's text.
    upload(client, {name: fill(r) for name, r in files.items()})
    assert set(so_strings(so_work).values_list("data", flat=True)) == {
        f"[so] {source}" for source in by_source
    }
    # Now a person translated these exact texts: no alternatives any more.
    again = export(client, version)
    assert all(alternatives(unit, version) == [] for r in again.values() for unit in units(r))
