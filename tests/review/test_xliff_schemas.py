"""Our XLIFF 1.2 and 2.0 exports validate against the official OASIS schemas, the TMX export
against LISA's TMX 1.4 DTD.

The schemas are vendored verbatim under ``tests/review/schemas`` (see its README for where
each copy comes from). The structural checks of ``xliff_structure`` stay: they say what is
ours (ids, states, inline codes), these say what the standard requires. Each export is
checked with lxml and, when ``xmllint`` is installed, with libxml2's command line too (what
an agency's tooling would run); neither may reach the network.
"""

import copy
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail_localize.models import StringTranslation

import pytest
from lxml import etree

from devtools.builders import make_user, start_translation, translate
from review.roles import setup_roles, translator_group_name
from tests.review.test_review_xliff import as_zip, similar_page_translated_by_a_person
from tests.review.xliff_structure import assert_tmx14

SCHEMAS = Path(__file__).parent / "schemas"
XLIFF_12 = SCHEMAS / "xliff-core-1.2-strict.xsd"
XLIFF_20 = SCHEMAS / "xliff_core_2.0.xsd"
XML_XSD = SCHEMAS / "informativeCopiesOf3rdPartySchemas" / "w3c" / "xml.xsd"
TMX_DTD = SCHEMAS / "tmx14.dtd"
XMLLINT = shutil.which("xmllint")  # libxml2-utils; lxml's validation runs without it
W3C_XML_XSD = "http://www.w3.org/2001/xml.xsd"
# Bold, a link (wagtail-localize keeps it as <a id="a1">), a line break and a placeholder.
RICH_BODY = (
    '<p>Vi söker <b>partner</b> i <a href="https://example.org/europa">Europa</a>'
    " för %(antal)s projekt.<br/>Hör av dig!</p>"
)


def _schema(path: Path) -> etree.XMLSchema:
    """The schema, with the 1.2 schema's import of W3C's xml.xsd pointed at our copy (in
    memory: the vendored file stays as published, and nothing is fetched)."""
    document = etree.parse(str(path), etree.XMLParser(no_network=True))
    for element in document.getroot().iter("{http://www.w3.org/2001/XMLSchema}import"):
        if element.get("schemaLocation") == W3C_XML_XSD:
            element.set("schemaLocation", XML_XSD.as_uri())
    return etree.XMLSchema(document)


def test_vendored_schemas_are_the_official_ones():
    """The header of each file names its standard: a wrong or edited copy fails here."""
    head_12 = XLIFF_12.read_text(encoding="utf-8")[:2000]
    assert (
        "Jan-10-2006" in head_12
        and "urn:oasis:names:tc:xliff:document:1.2" in (XLIFF_12.read_text(encoding="utf-8")[:3000])
    )
    head_20 = XLIFF_20.read_text(encoding="utf-8")[:600]
    assert "XLIFF Version 2.0" in head_20 and "OASIS Standard" in head_20
    assert "Copyright (c) OASIS Open 2014" in head_20
    assert "http://www.w3.org/XML/1998/namespace" in XML_XSD.read_text(encoding="utf-8")[:400]
    assert "-//LISA OSCAR:1998//DTD for Translation Memory eXchange//EN" in TMX_DTD.read_text()
    # And they are schemas lxml accepts, with the imports resolved offline.
    _schema(XLIFF_12), _schema(XLIFF_20)


def _xmllint(tmp_path: Path, schema: Path, data: bytes) -> subprocess.CompletedProcess:
    catalog = tmp_path / "catalog.xml"
    catalog.write_text(
        '<?xml version="1.0"?>\n'
        '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">'
        f'<system systemId="{W3C_XML_XSD}" uri="{XML_XSD.as_uri()}"/>'
        f'<uri name="{W3C_XML_XSD}" uri="{XML_XSD.as_uri()}"/>'
        "</catalog>\n"
    )
    document = tmp_path / "export.xlf"
    document.write_bytes(data)
    return subprocess.run(  # noqa: S603 (our own arguments, no shell)
        [XMLLINT, "--nonet", "--noout", "--schema", str(schema), str(document)],
        capture_output=True,
        text=True,
        env={"XML_CATALOG_FILES": str(catalog), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )


@pytest.fixture
def rich_work(tree):
    """A Swedish page with bold, a link, a line break and a placeholder, being translated
    into Arabic and Tigrinya, and a translator for each."""
    page = tree["page"].specific
    page.body = RICH_BODY
    page.save_revision().publish()
    targets = {code: start_translation(page, code) for code in ("ar", "ti")}
    setup_roles()  # the Tigrinya home was only made now: its translators' pages
    users = {
        code: make_user(f"schema-{code}", translator_group_name(code)) for code in ("ar", "ti")
    }
    return {"page": page, "targets": targets, "users": users}


def _translated(data: bytes, code: str) -> bytes:
    """Every unit translated: the source with its inline codes, ``[code] `` before it."""
    root = etree.fromstring(data)
    ns = etree.QName(root).namespace
    for source in list(root.iter(f"{{{ns}}}source")):
        parent = source.getparent()
        for old in parent.findall(f"{{{ns}}}target"):
            parent.remove(old)
        target = copy.deepcopy(source)
        target.tag = f"{{{ns}}}target"
        target.text = f"[{code}] " + (source.text or "")
        source.addnext(target)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _exports(client, code, version) -> dict[str, bytes]:
    response = client.post(reverse("review:xliff_export", args=[code, version]))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("code", ["ar", "ti"])
@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_exports_validate_against_the_oasis_schemas(client, rich_work, tmp_path, code, version):
    schema = _schema(XLIFF_12 if version == "1.2" else XLIFF_20)
    client.force_login(rich_work["users"][code])
    # Empty targets first, then the same page with every target filled (inline codes in the
    # targets, states of a person's translation), then with machine text in it.
    empty = _exports(client, code, version)
    back = {name: _translated(data, code) for name, data in empty.items()}
    response = client.post(reverse("review:xliff_import", args=[code]), {"file": as_zip(back)})
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert "importerades som utkast" in messages[0], messages
    filled = _exports(client, code, version)
    translate(rich_work["page"], code, kind=StringTranslation.TRANSLATION_TYPE_MACHINE)
    machine = _exports(client, code, version)

    for label, exported in (("empty", empty), ("filled", filled), ("machine", machine)):
        for name, data in exported.items():
            root = etree.fromstring(data)
            assert schema.validate(root), (label, name, schema.error_log)
            text = data.decode()
            assert "<note" in text  # the notes are there to be validated
            if label == "filled":
                # Inline codes in source and target: paired (g/pc) and standalone (x/ph).
                paired, standalone = ("g", "x") if version == "1.2" else ("pc", "ph")
                assert root.findall(f".//{{*}}target/{{*}}{paired}")
                assert root.findall(f".//{{*}}target/{{*}}{standalone}")
            if XMLLINT:
                result = _xmllint(tmp_path, XLIFF_12 if version == "1.2" else XLIFF_20, data)
                assert result.returncode == 0, (label, name, result.stderr)
                assert "validates" in result.stderr


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_the_schemas_catch_what_they_should(client, rich_work, version):
    """The validation is real: an export made invalid by hand is refused."""
    schema = _schema(XLIFF_12 if version == "1.2" else XLIFF_20)
    client.force_login(rich_work["users"]["ar"])
    ((_name, data),) = _exports(client, "ar", version).items()
    root = etree.fromstring(data)
    assert schema.validate(root)
    unit = root.find(".//{*}trans-unit" if version == "1.2" else ".//{*}unit")
    unit.set("id" if version == "1.2" else "canResegment", "" if version == "1.2" else "maybe")
    etree.SubElement(unit, f"{{{etree.QName(root).namespace}}}unknown")
    assert not schema.validate(root)


def test_tmx_export_is_valid_against_the_tmx14_dtd(client, rich_work):
    translate(rich_work["page"], "ar", kind=StringTranslation.TRANSLATION_TYPE_MACHINE)
    client.force_login(rich_work["users"]["ar"])
    dtd = etree.DTD(str(TMX_DTD))
    for query in ("", "?maskin=1"):
        response = client.get(reverse("review:tmx_export", args=["ar"]) + query)
        root = etree.fromstring(response.content)
        assert_tmx14(root)
        assert root.find("body/tu") is not None
        assert dtd.validate(root), dtd.error_log
    root.find("header").set("segtype", "chapter")
    assert not dtd.validate(root)


@pytest.mark.parametrize("code", ["ar", "ti"])
@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_fuzzy_alternatives_validate_too(client, tree, rich_work, tmp_path, code, version):
    """The fuzzy memory's suggestions: 1.2 ``<alt-trans>`` (checked by the core schema), 2.0
    the Translation Candidates module (admitted by the core schema's extension points)."""
    similar_page_translated_by_a_person(tree, code)
    client.force_login(rich_work["users"][code])
    ((name, data),) = _exports(client, code, version).items()
    root = etree.fromstring(data)
    found = root.findall(".//{*}alt-trans" if version == "1.2" else ".//{*}matches/{*}match")
    assert found, name
    schema = _schema(XLIFF_12 if version == "1.2" else XLIFF_20)
    assert schema.validate(root), schema.error_log
    if XMLLINT:
        result = _xmllint(tmp_path, XLIFF_12 if version == "1.2" else XLIFF_20, data)
        assert result.returncode == 0, result.stderr
