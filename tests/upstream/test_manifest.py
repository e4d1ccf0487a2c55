"""``upstream.toml`` lists every upstream workaround, and what it and the docs name exists.

- every entry's module and guard test exist, and its version is the one pinned and installed
  (a workaround written against one version is read again when the pin moves);
- every module whose docstring calls itself a workaround is listed, and names its guard;
- every file path a module docstring or a document names resolves: in the checkout, in an
  app's ``templates/`` or ``static/``, or in an installed package.
"""

import ast
import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["core", "organisation", "international", "home", "readability", "review", "translation"]
APPS += ["followup", "operations", "portal"]
MANIFEST = tomllib.loads((ROOT / "upstream.toml").read_text())["workaround"]
CALLS_ITSELF_A_WORKAROUND = re.compile(r"upstream workaround|workaround for|upstream gap", re.I)


def pins() -> dict[str, str]:
    """What the lock files pin, the test tools' (``requirements-dev.lock``) included."""
    lines = [
        line
        for lock in ("requirements.lock", "requirements-dev.lock")
        for line in (ROOT / lock).read_text().splitlines()
    ]
    pinned = (line.split("==") for line in lines if "==" in line)
    return {name.lower(): version for name, version in pinned}


def project_modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def docstrings(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            text = ast.get_docstring(node)
            if text:
                yield text


def defines_test(path: Path, name: str) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(node, ast.FunctionDef) and node.name == name for node in tree.body)


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda entry: entry["module"])
def test_every_entry_names_a_module_a_pinned_version_and_a_guard_that_exist(entry):
    assert (ROOT / entry["module"]).is_file(), entry["module"]
    assert entry["works_around"] and entry["upstream"]
    assert pins()[entry["package"]] == entry["version"] == metadata.version(entry["package"])
    guard_file, guard_test = entry["guard"].split("::")
    assert (ROOT / guard_file).is_file(), entry["guard"]
    assert defines_test(ROOT / guard_file, guard_test), entry["guard"]


def test_every_module_that_calls_itself_a_workaround_is_listed_and_names_its_guard():
    listed = {entry["module"]: entry for entry in MANIFEST}
    unlisted = []
    for path in project_modules():
        text = "\n".join(docstrings(path))
        if not CALLS_ITSELF_A_WORKAROUND.search(text):
            continue
        module = str(path.relative_to(ROOT))
        if module not in listed:
            unlisted.append(module)
            continue
        assert listed[module]["guard"].split("::")[0] in text, f"{module} does not name its guard"
    assert not unlisted, f"add these workarounds to upstream.toml: {unlisted}"


PATH = re.compile(
    r"(?<![\w./<>-])((?:[\w-]+/)+[\w.-]+\.(?:py|html|md|js|css|toml|sh|vcl|json|po|txt|lock))\b"
)


def places_a_path_may_live(named_in: Path) -> list[Path]:
    places = [ROOT, named_in.parent]
    for app in APPS:
        places += [ROOT / app, ROOT / app / "templates", ROOT / app / "static"]
    places += [ROOT / "site" / "templates", ROOT / "site" / "static"]
    for package in ("wagtail", "wagtail_localize", "django", "deepl"):
        installed = Path(__import__(package).__file__).parent
        places += [installed.parent, installed / "templates"]
        places += list((installed / "admin").glob("templates")) + list(
            installed.glob("*/templates")
        )
    return places


def named_paths():
    for path in project_modules():
        for text in docstrings(path):
            yield path, text
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        yield path, path.read_text(encoding="utf-8")


def test_every_path_a_docstring_or_document_names_resolves():
    missing = []
    for named_in, text in named_paths():
        places = places_a_path_may_live(named_in)
        for match in PATH.finditer(text):
            name = match.group(1)
            if name.split("/")[0].isupper() or name.startswith(("a/", "tmp/", "bakerydemo/")):
                continue  # a placeholder (DIR/manage.py), an example, bakerydemo's own files
            if not any((place / name).exists() for place in places):
                missing.append(f"{named_in.relative_to(ROOT)}: {name}")
    assert not missing, "\n".join(missing)
