"""Build the site's subset fonts from the pinned @fontsource files, reproducibly.

    .venv/bin/python scripts/build_font_subsets.py        # after `npm ci`
    .venv/bin/python scripts/build_font_subsets.py --check  # exit 1 if a rebuild would differ

Two kinds of subset, made with fontTools' ``pyftsubset`` (``fonttools[woff]``, pinned in the
``test`` extra of pyproject.toml and in requirements-dev.lock):

- **Autonyms** (family "Portal Autonyms", regular only): the glyphs of the language
  switcher's words in Arabic, Persian, Tigrinya and Ukrainian (each autonym and its
  "(startsida)" note from the catalogs), a few kilobytes a script instead of a whole font,
  so that every page, and the admin, draws "ትግርኛ" on a system without an Ethiopic font.
- **Latin Extended-A** (U+0100–017F of Noto Sans, 400 and 700): Polish, Czech, Turkish,
  Baltic names, instead of the 56 KB Latin Extended file for one "ł".
- **Arabic core** (the Arabic block U+0600–06FF of Noto Sans Arabic, 400 and 700): the
  letters Arabic and Persian pages use, without the presentation forms and extended blocks.

The files are committed (site/static/fonts/), as the copied @fontsource files are: building
needs node_modules and fontTools, serving needs neither. ``site/static/fonts/subsets.json``
records what each file was made from and of; ``tests/site/test_font_subsets.py`` fails when
an autonym or a catalog's "(startsida)" changes without a rebuild. The @font-face rules
(site.css between the BEGIN/END marks, and core/static/core/css/admin-autonyms.css) are
written by this script too, so their unicode-range is always the subset's.
"""

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.languages import LANGUAGES_TABLE  # noqa: E402

FONTS = ROOT / "site" / "static" / "fonts"
SOURCES = ROOT / "node_modules" / "@fontsource"
MANIFEST = FONTS / "subsets.json"
SITE_CSS = ROOT / "site" / "static" / "css" / "site.css"
ADMIN_CSS = ROOT / "core" / "static" / "core" / "css" / "admin-autonyms.css"
BEGIN = "/* BEGIN subset faces: written by scripts/build_font_subsets.py, do not edit. */"
END = "/* END subset faces */"

# Autonym subsets: script -> source font file.
AUTONYM_SOURCES = {
    "Arab": "noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2",
    "Ethi": "noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-400-normal.woff2",
    "Cyrl": "noto-sans/files/noto-sans-cyrillic-400-normal.woff2",
}
# The brackets of the "(startsida)" notes, from Noto Sans' Latin file: a unicode-range that
# claimed them for a script subset without the glyphs sent them to the system font.
NOTE_PUNCTUATION = "noto-sans/files/noto-sans-latin-400-normal.woff2"
# Arabic and Persian letters, digits and marks (the Arabic block) and the joiners: what the
# site's Arabic and Persian text is written with, 21 KB a weight instead of the 49-50 KB of
# @fontsource's "arabic" file, whose face now covers only the rest (the Supplement and
# Extended blocks and the legacy presentation forms), fetched only by a page that uses them.
ARABIC_CORE = [(0x0600, 0x06FF), (0x200C, 0x200E), (0x2010, 0x2011), 0x204F, 0x2E41]
# The unicode-range of @fontsource's Ethiopic file (as in site.css).
ETHIOPIC_RANGE = "U+030E, U+1200-1399, U+2D80-2DDE, U+AB01-AB2E"
# Latin Extended-A without what Noto Sans' latin file already has (U+0131, U+0152-0153).
LATIN_EXT_A = [(0x0100, 0x0130), (0x0132, 0x0151), (0x0154, 0x017F)]


def fallback_note(code: str) -> str:
    """The switcher's "(startsida)" in ``code``, from its catalog (polib: no Django needed)."""
    import polib

    catalog = polib.pofile(str(ROOT / "locales" / code / "LC_MESSAGES" / "django.po"))
    entry = catalog.find("startsida")
    return f"({entry.msgstr})" if entry and entry.msgstr else ""


def autonym_text(script: str) -> str:
    """Every character the switcher shows in ``script``: autonyms and their notes."""
    words = []
    for language in LANGUAGES_TABLE:
        if language.script == script:
            words += [language.autonym, fallback_note(language.code)]
    return "".join(sorted({char for char in "".join(words) if not char.isspace()}))


def script_characters(text: str, script: str) -> list[int]:
    """The code points of ``text`` that belong to ``script``, and the space between the
    autonym and its note: the switcher falls back to the system font, not to the page's
    web font (which would arrive later and move the menu), so the subset draws it. The
    parentheses are not in @fontsource's script files; they come from the Latin
    punctuation subset (``NOTE_PUNCTUATION``)."""
    blocks = {
        "Arab": [(0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)],
        "Ethi": [(0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F)],
        "Cyrl": [(0x0400, 0x052F)],
    }[script]
    letters = {ord(c) for c in text if any(low <= ord(c) <= high for low, high in blocks)}
    return sorted(letters | {ord(" ")})


def unicode_range(points) -> str:
    """CSS unicode-range for code points or (low, high) ranges, merged."""
    ranges = []
    for item in points:
        low, high = item if isinstance(item, tuple) else (item, item)
        if ranges and low == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], high)
        else:
            ranges.append((low, high))
    return ", ".join(
        f"U+{low:04X}" if low == high else f"U+{low:04X}-{high:04X}" for low, high in ranges
    )


def subset(source: Path, output: Path, unicodes: str) -> None:
    subprocess.run(  # noqa: S603 (our own arguments, no shell)
        [
            sys.executable,
            "-m",
            "fontTools.subset",
            str(source),
            f"--unicodes={unicodes}",
            f"--output-file={output}",
            "--flavor=woff2",
            "--layout-features=*",
            "--no-hinting",
            "--desubroutinize",
            "--name-IDs=*",
            "--name-languages=*",
            "--notdef-outline",
            "--no-recalc-timestamp",
        ],
        check=True,
    )


def plan() -> dict:
    """What to build: {file name: {source, unicodes (CSS syntax), family, weight, text}}."""
    files = {}
    for script, source in AUTONYM_SOURCES.items():
        text = autonym_text(script)
        points = script_characters(text, script)
        files[f"portal-autonyms-{script.lower()}-400.woff2"] = {
            "family": "Portal Autonyms",
            "weight": 400,
            "source": f"@fontsource/{source}",
            "text": "".join(chr(p) for p in points),
            "unicode_range": unicode_range(points),
        }
    brackets = [ord("("), ord(")")]
    files["portal-autonyms-punct-400.woff2"] = {
        "family": "Portal Autonyms",
        "weight": 400,
        "source": f"@fontsource/{NOTE_PUNCTUATION}",
        "text": "()",
        "unicode_range": unicode_range(brackets),
    }
    for weight in (400, 700):
        files[f"noto-sans-arabic-core-{weight}-normal.woff2"] = {
            "family": "Noto Sans Arabic",
            "weight": weight,
            "source": (
                f"@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-{weight}-normal.woff2"
            ),
            "text": "",
            "unicode_range": unicode_range(ARABIC_CORE),
        }
    for weight in (400, 700):
        files[f"noto-sans-latin-ext-a-{weight}-normal.woff2"] = {
            "family": "Noto Sans",
            "weight": weight,
            "source": f"@fontsource/noto-sans/files/noto-sans-latin-ext-{weight}-normal.woff2",
            "text": "",
            "unicode_range": unicode_range(LATIN_EXT_A),
        }
    return files


def face(name: str, spec: dict, url_prefix: str, *, site: bool = True) -> str:
    # On the site the autonym subsets are preloaded and tiny; "optional" keeps a late one
    # from being swapped in after the first paint, which rewrapped the switcher (a layout
    # shift). The admin preloads nothing and has no such concern: "swap".
    display = "optional" if site and spec["family"] == "Portal Autonyms" else "swap"
    return (
        "@font-face {\n"
        f'    font-family: "{spec["family"]}"; font-style: normal; '
        f"font-weight: {spec['weight']}; font-display: {display};\n"
        f'    src: url("{url_prefix}{name}") format("woff2");\n'
        f"    unicode-range: {spec['unicode_range']};\n"
        "}\n"
    )


def site_css_block(files: dict) -> str:
    faces = "".join(face(name, spec, "../fonts/") for name, spec in sorted(files.items()))
    return f"{BEGIN}\n{faces}{END}"


def admin_css(files: dict) -> str:
    """The admin's faces: Ethiopic and Cyrillic only. Arabic letters join, and the Arabic
    subset covers only some of them: an Arabic text edited in the admin would be drawn in
    two fonts with broken joins, and every system the admin runs on has an Arabic font."""
    faces = "".join(
        face(name, spec, "../../fonts/", site=False)
        for name, spec in sorted(files.items())
        # Not the brackets either: the admin shows no "(startsida)" notes, and its own
        # brackets would be drawn in Noto Sans between letters of the system font.
        if spec["family"] == "Portal Autonyms" and "arab" not in name and "punct" not in name
    )
    return (
        "/* The language names in the admin (switcher, locale lists) in every script, also on\n"
        "   a system without an Ethiopic or Cyrillic font: the site's autonym subsets first in\n"
        "   Wagtail's own font stack (only their few letters come from them). Behind them the\n"
        "   site's Ethiopic font, for what the Tigrinya translator reads and types in the\n"
        "   editor (fetched only by a page with Ethiopic text beyond the autonym).\n"
        "   Written by scripts/build_font_subsets.py; added by core.wagtail_hooks. */\n"
        f"{faces}"
        "@font-face {\n"
        '    font-family: "Noto Sans Ethiopic"; font-style: normal; font-weight: 400; '
        "font-display: swap;\n"
        '    src: url("../../fonts/noto-sans-ethiopic-ethiopic-400-normal.woff2")'
        ' format("woff2");\n'
        f"    unicode-range: {ETHIOPIC_RANGE};\n"
        "}\n"
        ":root {\n"
        '    --w-font-sans: "Portal Autonyms", "Noto Sans Ethiopic", -apple-system,\n'
        '        BlinkMacSystemFont, "Segoe UI",\n'
        '        system-ui, Roboto, "Helvetica Neue", Arial, sans-serif, Apple Color Emoji,\n'
        '        "Segoe UI Emoji", "Segoe UI Symbol", "Noto Color Emoji";\n'
        "}\n"
    )


def with_site_block(css: str, block: str) -> str:
    if BEGIN in css:
        start = css.index(BEGIN)
        end = css.index(END) + len(END)
        return css[:start] + block + css[end:]
    raise SystemExit(f"{SITE_CSS} has no {BEGIN!r} mark")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build() -> None:
    import fontTools

    files = plan()
    for name, spec in files.items():
        source = SOURCES / spec["source"].removeprefix("@fontsource/")
        ranges = spec["unicode_range"].replace("U+", "")
        subset(source, FONTS / name, ranges)
        spec["source_sha256"] = digest(source)
        spec["sha256"] = digest(FONTS / name)
        spec["bytes"] = (FONTS / name).stat().st_size
    manifest = {"fonttools": fontTools.version, "files": files}
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    SITE_CSS.write_text(with_site_block(SITE_CSS.read_text(), site_css_block(files)))
    ADMIN_CSS.parent.mkdir(parents=True, exist_ok=True)
    ADMIN_CSS.write_text(admin_css(files))
    for name, spec in files.items():
        print(f"{name}: {spec['bytes']} bytes, {spec['unicode_range']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a rebuild differs")
    args = parser.parse_args()
    if not args.check:
        build()
        return
    recorded = json.loads(MANIFEST.read_text())["files"]
    wanted = plan()
    stale = [
        name
        for name, spec in wanted.items()
        if name not in recorded
        or recorded[name]["unicode_range"] != spec["unicode_range"]
        or not (FONTS / name).exists()
        or digest(FONTS / name) != recorded[name]["sha256"]
    ]
    if stale:
        raise SystemExit(f"Out of date, run scripts/build_font_subsets.py: {', '.join(stale)}")


if __name__ == "__main__":
    main()
