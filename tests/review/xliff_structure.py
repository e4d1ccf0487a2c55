"""Structural checks of our XLIFF and TMX exports, beside the official schemas.

``test_xliff_schemas`` validates the exports against the OASIS XLIFF schemas and LISA's TMX
DTD (vendored in ``tests/review/schemas``); these assertions add what is ours and what the
schemas leave open: the element order and nesting we write, the enumerated state values,
NMTOKEN ids unique per file, text-only notes, inline codes only of the kinds we write, and
the alternatives from the fuzzy memory: 1.2 ``<alt-trans>`` after the target (source and
target, a match-quality), 2.0 the Translation Candidates module (``<mtc:matches>`` before
``<notes>``, each ``<mtc:match>`` with the required ``ref`` to a segment of its unit and a
similarity of 0–100; the core schema admits the module's elements without checking them).
"""

import re

from lxml import etree

from review.xliff_export import NS12, NS20, NSMTC

NMTOKEN = re.compile(r"^[A-Za-z0-9._:\-]+$")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATES_12 = {
    "final",
    "needs-adaptation",
    "needs-l10n",
    "needs-review-adaptation",
    "needs-review-l10n",
    "needs-review-translation",
    "needs-translation",
    "new",
    "signed-off",
    "translated",
}
STATES_20 = {"initial", "translated", "reviewed", "final"}


def _children(element) -> list[str]:
    """Local names of the element children (comments would fail the text-only checks)."""
    return [etree.QName(child).localname for child in element]


def _text_only(element):
    assert len(element) == 0, f"<{etree.QName(element).localname}> has child elements"


def _inline(element, namespace, paired, standalone) -> list[str]:
    """Only the inline codes we write, with ids; returns the ids in document order."""
    ids = []
    for child in element.iter():
        if child is element:
            continue
        name = etree.QName(child)
        assert name.namespace == namespace and name.localname in (paired, standalone), child.tag
        assert NMTOKEN.match(child.get("id") or ""), child.get("id")
        if name.localname == standalone:
            assert len(child) == 0 and not child.text
        ids.append(child.get("id"))
    return ids


def assert_xliff12(root):
    assert etree.QName(root) == etree.QName(NS12, "xliff")
    assert root.get("version") == "1.2"
    assert _children(root) == ["file"]
    for file in root:
        for attribute in ("original", "source-language", "datatype"):
            assert file.get(attribute), attribute
        assert _children(file) == ["header", "body"]
        assert set(_children(file[0])) <= {"note"}
        ids = []
        for unit in file[1]:
            assert etree.QName(unit) == etree.QName(NS12, "trans-unit")
            ids.append(unit.get("id"))
            names = _children(unit)
            assert names[0] == "source"
            rest = names[2:] if names[1:2] == ["target"] else names[1:]
            assert set(rest) <= {"note", "alt-trans"}, names
            for alternative in unit.iterfind(f"{{{NS12}}}alt-trans"):
                assert _children(alternative) == ["source", "target"]
                assert 0 <= int(alternative.get("match-quality")) <= 100
                assert alternative.get("origin")
                alt_ids = _inline(alternative[0], NS12, "g", "x")
                assert set(_inline(alternative[1], NS12, "g", "x")) <= set(alt_ids)
            source_ids = _inline(unit[0], NS12, "g", "x")
            for element in unit[0].iter(f"{{{NS12}}}g"):
                assert element.get("ctype") in ("bold", "italic", "underlined", "link") or (
                    element.get("ctype", "x-").startswith("x-")
                )
            for target in unit.iterfind(f"{{{NS12}}}target"):
                assert set(_inline(target, NS12, "g", "x")) <= set(source_ids)
                assert target.get("state") in STATES_12
        assert all(ids) and len(ids) == len(set(ids))


def assert_xliff20(root):
    assert etree.QName(root) == etree.QName(NS20, "xliff")
    assert root.get("version") == "2.0" and root.get("srcLang")
    assert _children(root) == ["file"]
    for file in root:
        assert NMTOKEN.match(file.get("id"))
        names = _children(file)
        units = names[1:] if names[:1] == ["notes"] else names
        assert units and set(units) == {"unit"}, names
        ids = []
        for unit in file.iterfind(f"{{{NS20}}}unit"):
            assert NMTOKEN.match(unit.get("id")), unit.get("id")
            ids.append(unit.get("id"))
            assert unit.get("canResegment") in (None, "yes", "no")
            names = _children(unit)
            modules = 0
            while modules < len(unit) and etree.QName(unit[modules]).namespace != NS20:
                modules += 1  # module and extension elements come first (core schema)
            names = names[modules:]
            segments = names[1:] if names[:1] == ["notes"] else names
            assert segments and set(segments) == {"segment"}, names
            segment_ids = [s.get("id") for s in unit.iterfind(f"{{{NS20}}}segment")]
            for matches in unit[:modules]:
                assert etree.QName(matches) == etree.QName(NSMTC, "matches"), matches.tag
                assert len(matches) >= 1
                for match in matches:
                    assert etree.QName(match) == etree.QName(NSMTC, "match")
                    assert match.get("ref", "").startswith("#")
                    assert match.get("ref")[1:] in segment_ids
                    assert 0 <= float(match.get("similarity")) <= 100
                    assert [etree.QName(c) for c in match] == [
                        etree.QName(NS20, "source"),
                        etree.QName(NS20, "target"),
                    ]
                    match_ids = _inline(match[0], NS20, "pc", "ph")
                    assert set(_inline(match[1], NS20, "pc", "ph")) <= set(match_ids)
            for note in unit.iterfind(f"{{{NS20}}}notes/{{{NS20}}}note"):
                _text_only(note)
            assert all(NMTOKEN.match(i) for i in segment_ids if i is not None)
            assert len([i for i in segment_ids if i]) == len({i for i in segment_ids if i})
            for segment in unit.iterfind(f"{{{NS20}}}segment"):
                assert _children(segment) in (["source"], ["source", "target"])
                source_ids = _inline(segment[0], NS20, "pc", "ph")
                assert len(source_ids) == len(set(source_ids))
                if len(segment) == 2:
                    assert sorted(_inline(segment[1], NS20, "pc", "ph")) == sorted(source_ids)
                assert segment.get("state", "initial") in STATES_20
                sub_state = segment.get("subState")
                if sub_state is not None:
                    assert segment.get("state") and re.match(r"^[^:\s]+:\S+$", sub_state)
        assert len(ids) == len(set(ids))


def assert_tmx14(root):
    assert root.tag == "tmx" and root.get("version") == "1.4"
    assert _children(root) == ["header", "body"]
    header = root[0]
    for attribute in (
        "creationtool",
        "creationtoolversion",
        "segtype",
        "o-tmf",
        "adminlang",
        "srclang",
        "datatype",
    ):
        assert header.get(attribute), attribute
    assert header.get("segtype") in {"block", "paragraph", "sentence", "phrase"}
    for unit in root[1]:
        assert unit.tag == "tu"
        names = _children(unit)
        tuvs = [name for name in names if name != "prop"]
        assert names == ["prop"] * (len(names) - len(tuvs)) + tuvs and len(tuvs) >= 2
        for variant in unit.iterfind("tuv"):
            assert variant.get(XML_LANG)
            assert _children(variant) == ["seg"]
            _text_only(variant[0])
