"""Nothing outside the demo content, the catalogs and the docs names the demo's municipality.

Another organisation runs the portal by changing its settings and content, not the code.
The name comes from the demo content itself, so this test names no municipality either.
"""

import re
from pathlib import Path

from devtools.demo.organisation import ORGANISATION

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = ("devtools/demo/", "locales/", "docs/", "tests/", "README.md")
# What .gitignore leaves out: installed, generated or uploaded, not the project's code.
SKIPPED_DIRS = {
    ".git",
    ".venv",
    ".lock-venv",
    ".pytest_cache",
    ".ruff_cache",
    ".run",
    "__pycache__",
    "build",
    "media",
    "node_modules",
    "staticfiles",
    "test-artifacts",
}
SUFFIXES = {".py", ".html", ".txt", ".xml", ".js", ".css", ".toml", ".json", ".cfg", ".sh", ""}


def source_files():
    for path in ROOT.rglob("*"):
        relative = path.relative_to(ROOT)
        parts = set(relative.parts)
        if SKIPPED_DIRS & parts or any(part.endswith(".egg-info") for part in parts):
            continue
        if not path.is_file():
            continue
        if relative.as_posix().startswith(ALLOWED) or path.suffix not in SUFFIXES:
            continue
        if path.stat().st_size > 2_000_000:
            continue
        yield relative, path


def test_no_source_file_names_the_demo_municipality():
    place = ORGANISATION["name"].split()[0]  # the place name alone
    ascii_place = place.translate(str.maketrans("åäöÅÄÖ", "aaoAAO"))
    pattern = re.compile(f"{re.escape(place)}|{re.escape(ascii_place)}", re.IGNORECASE)
    found = []
    for relative, path in source_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        found += [
            f"{relative}:{number}"
            for number, line in enumerate(text.splitlines(), start=1)
            if pattern.search(line)
        ]
    assert not found, "The demo municipality is named in code: " + ", ".join(found)
