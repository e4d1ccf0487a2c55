"""The project's floors, read from the source: no module imports a floor above its own.

core < organisation < international < home, readability < translation < review < followup <
operations < portal < devtools (``organisation``, ``international`` and ``home`` make up the
domain floor, ordered within it: the organisation setting is used by both the others;
``readability``, the coordinator's threshold and overrides, sits beside ``home`` and reads only
``core``).
``translation`` owns everything between a Swedish publish and a translated text: engines,
pipeline, memory, glossary, fingerprints, carrying forward, drafts, the language settings and
the one writer of string translations (``translation.strings``). ``review`` is the people's
side above it: roles, the publish rule, review states, queue, approvals, reader reports, agency
exchange, digests. ``review`` imports ``translation``, never the reverse. ``followup`` reads
the domain and ``review``; only ``operations`` and ``portal`` read it. Only ``translation``
knows DeepL. No modules import each other in a circle, also not through an import made inside
a function: every import is read with ``ast``, so an import hidden in a function or method
counts as much as one at the top of a module.

Two ties that are not imports count as imports: a page type's tree rules naming another
app's model (``subpage_types = ["international.NewsPage"]``: the higher floor names the
lower, ``core.pages.BasePage`` lets the other side stay silent), and an app's template that
includes or extends another app's template or loads its tag library. ``site/templates`` is
the project's top floor, like ``portal``, and may use any app's templates and tags.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FLOORS = {
    "core": 0,
    "organisation": 1,
    "international": 2,
    "home": 3,
    "readability": 3,
    # Between a Swedish publish and a translated text: engines, pipeline, string records.
    "translation": 4,
    # The people's side: roles, the publish rule, review states, queue, exchange, reports.
    "review": 5,
    "followup": 6,
    # Purge, Varnish, throttling, logging, error reporting, backup: reads every app below.
    "operations": 7,
    "portal": 8,
    # Developers' tools (local engine servers, demo content, benchmarks): no app imports them.
    "devtools": 9,
}
DEEPL_FREE = {"followup", "home", "international", "organisation", "readability", "review"}
# Cycles still to break. Each entry must still be a cycle: delete it the day it is not.
KNOWN_CYCLES = []


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _project_modules() -> dict[str, Path]:
    modules = {}
    for app in FLOORS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[_module_name(path)] = path
    return modules


MODULES = _project_modules()


def _resolve(module: str, level: int, current: str, is_package: bool) -> str:
    if not level:
        return module
    base = current.split(".")
    # A package's own __init__ is its level-1 anchor; a module's anchor is its package.
    base = base if is_package else base[:-1]
    base = base[: len(base) - (level - 1)] if level > 1 else base
    return ".".join([*base, module] if module else base)


def _with_packages(name: str, target: str) -> set[str]:
    """``target`` and the packages whose ``__init__`` importing it runs, seen from ``name``.

    Importing ``a.b.c`` runs ``a/b/__init__.py`` first: an import from outside ``a.b`` depends
    on everything that ``__init__`` imports. Within its own package a module does not count
    its package (Python has it loading already).
    """
    found = {target}
    parts = target.split(".")
    for end in range(1, len(parts)):
        package = ".".join(parts[:end])
        if package in MODULES and not name.startswith(package + "."):
            found.add(package)
    return found


PAGE_TREE_ATTRIBUTES = {"subpage_types", "parent_page_types"}


def imports_of(name: str, path: Path) -> set[str]:
    """Every module ``name`` imports (project modules and top-level third-party names)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id in PAGE_TREE_ATTRIBUTES for t in node.targets
        ):
            # "app.Model" in a page type's tree rules ties the two apps as an import would.
            found |= {
                f"{element.value.split('.')[0]}.models"
                for element in getattr(node.value, "elts", [])
                if isinstance(element, ast.Constant)
                and isinstance(element.value, str)
                and element.value.split(".")[0] != name.split(".")[0]
            }
        if isinstance(node, ast.Import):
            for alias in node.names:
                found |= _with_packages(name, alias.name)
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(node.module or "", node.level, name, is_package)
            submodules = {f"{target}.{alias.name}" for alias in node.names}
            named = submodules & set(MODULES)
            for module in named:
                found |= _with_packages(name, module)
            if len(named) < len(submodules):
                found |= _with_packages(name, target)
    return found


GRAPH = {name: imports_of(name, path) for name, path in MODULES.items()}


def _app(module: str) -> str:
    return module.split(".")[0]


def test_the_graph_is_read():
    # A guard for the guard: the reader sees real imports of each kind.
    assert "core.languages" in GRAPH["portal.settings.base"]
    assert "core.pages" in GRAPH["international.models.news"]
    # Importing international.models.taxonomy from outside runs international/models/__init__.
    assert "international.models" in GRAPH["international.selectors"]
    assert any(_app(target) == "wagtail" for target in GRAPH["home.languages"])
    assert "translation.drafts" in GRAPH["translation.pipeline"]
    assert "international.models" in GRAPH["home.models.pages"]  # from subpage_types
    assert "international.models" in GRAPH["followup.models"]  # from parent_page_types


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_imports_a_floor_above_its_own(name):
    app = _app(name)
    wrong = sorted(
        target
        for target in GRAPH[name]
        if _app(target) in FLOORS and _app(target) != app and FLOORS[_app(target)] >= FLOORS[app]
    )
    assert not wrong, f"{name} (floor {FLOORS[app]}) imports {wrong} from its floor or above"


@pytest.mark.parametrize("app", sorted(DEEPL_FREE))
def test_only_translation_knows_deepl(app):
    wrong = sorted(
        name
        for name in MODULES
        if _app(name) == app
        and any(target == "deepl" or target.startswith("deepl.") for target in GRAPH[name])
    )
    assert not wrong, f"{wrong} import the DeepL client"


def _cycles() -> list[set[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, components = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in GRAPH[node] & set(MODULES):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(component)

    for node in sorted(MODULES):
        if node not in index:
            visit(node)
    return components


def test_no_modules_import_each_other():
    cycles = _cycles()
    unknown = [sorted(cycle) for cycle in cycles if cycle not in KNOWN_CYCLES]
    assert not unknown, f"modules that import each other: {unknown}"
    for known in KNOWN_CYCLES:
        assert known in cycles, (
            f"{sorted(known)} no longer import each other: drop it from KNOWN_CYCLES"
        )


# Templates: an app's template includes, extends or loads tags only from its floor or below.
TEMPLATE_REFERENCE = re.compile(r"{%\s*(?:include|extends)\s+[\"']([\w-]+)/|{%\s*load\s+([^%]+)%}")


def _template_owners() -> dict[str, str]:
    """Template folder or tag library name -> the app that ships it."""
    owners = {}
    for app in FLOORS:
        for folder in (ROOT / app / "templates").glob("*"):
            if folder.is_dir() and folder.name not in {"wagtailadmin", "wagtail_localize"}:
                owners.setdefault(f"folder:{folder.name}", app)
        for library in (ROOT / app / "templatetags").glob("*.py"):
            owners[f"tags:{library.stem}"] = app
    return owners


def _template_references():
    owners = _template_owners()
    for app in FLOORS:
        for template in sorted((ROOT / app / "templates").rglob("*.html")):
            text = template.read_text(encoding="utf-8")
            for match in TEMPLATE_REFERENCE.finditer(text):
                folder, libraries = match.groups()
                keys = [f"folder:{folder}"] if folder else [f"tags:{n}" for n in libraries.split()]
                for key in keys:
                    if key in owners:
                        yield app, template.relative_to(ROOT), owners[key]


def test_the_template_reader_sees_references():
    assert any(owner == "core" for _app, _t, owner in _template_references())


def test_no_template_reaches_a_floor_above_its_own():
    wrong = sorted(
        f"{template} uses {owner}"
        for app, template, owner in _template_references()
        if owner != app and FLOORS[owner] >= FLOORS[app]
    )
    assert not wrong, wrong
