"""Production installs ``requirements.lock`` alone, and that is enough to run it.

The lock is split in two: ``requirements.lock`` holds pyproject's runtime dependencies and
everything they need, ``requirements-dev.lock`` the test extra (pytest, Playwright, moto,
Flask, ruff …) on top of it. A server installed from the runtime lock must start: the
production settings, the URLs and every module of every app are imported here in a process
where the development-only distributions cannot be imported, as on such a server. (This
is how the split found that the opportunities' calendar feed needed ``icalendar``, which had
been pinned only for the tests.)
"""

import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
APPS = ["core", "organisation", "international", "home", "readability", "review", "translation"]
APPS += ["followup", "operations", "portal"]


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lock: str) -> dict[str, str]:
    lines = (ROOT / lock).read_text().splitlines()
    return {
        normalized(name): version
        for name, version in (line.split("==") for line in lines if "==" in line)
    }


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def closure(requirements: list[str]) -> set[str]:
    """Every distribution ``requirements`` need, read from the installed metadata."""
    seen, stack = set(), [Requirement(text) for text in requirements]
    while stack:
        requirement = stack.pop()
        name = normalized(requirement.name)
        if (name, frozenset(requirement.extras)) in seen:
            continue
        seen.add((name, frozenset(requirement.extras)))
        for text in metadata.distribution(requirement.name).requires or []:
            needed = Requirement(text)
            extras = requirement.extras or {""}
            if needed.marker and not any(needed.marker.evaluate({"extra": e}) for e in extras):
                continue
            stack.append(needed)
    return {name for name, _extras in seen}


def test_every_runtime_dependency_is_pinned_in_the_runtime_lock():
    runtime = pins("requirements.lock")
    for text in pyproject()["project"]["dependencies"]:
        requirement = Requirement(text)
        assert runtime.get(normalized(requirement.name)) in {
            s.version for s in requirement.specifier
        }


def test_the_test_extra_is_pinned_in_the_development_lock_only():
    runtime, development = pins("requirements.lock"), pins("requirements-dev.lock")
    assert (ROOT / "requirements-dev.lock").read_text().count("-r requirements.lock") == 1
    assert not set(runtime) & set(development)
    for text in pyproject()["project"]["optional-dependencies"]["test"]:
        requirement = Requirement(text)
        assert development.get(normalized(requirement.name)) in {
            s.version for s in requirement.specifier
        }, text
    assert {"pytest", "playwright", "moto", "flask", "ruff"} <= set(development)


def test_the_runtime_lock_is_exactly_what_the_runtime_dependencies_need():
    assert closure(pyproject()["project"]["dependencies"]) == set(pins("requirements.lock"))


PRODUCTION_IMPORTS = """
import importlib, importlib.abc, importlib.metadata, os, re, sys
from pathlib import Path

development = set(sys.argv[1].split(","))
owners = importlib.metadata.packages_distributions()
blocked = {"devtools"} | {
    top for top, names in owners.items()
    if all(re.sub(r"[-_.]+", "-", name).lower() in development for name in names)
}

class NotInstalled(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in blocked:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)

sys.meta_path.insert(0, NotInstalled())
import django
django.setup()
from django.urls import get_resolver
get_resolver().url_patterns
for app in sys.argv[2].split(","):
    for path in sorted(Path(app).rglob("*.py")):
        if "migrations" not in path.parts:
            importlib.import_module(".".join(path.with_suffix("").parts).removesuffix(".__init__"))
print("imported", len(sys.modules))
"""


def test_production_runs_without_the_development_packages(tmp_path):
    development = sorted(pins("requirements-dev.lock"))
    environment = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "portal.example",
        "REDIS_URL": "redis://127.0.0.1:6379/15",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    finished = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "-c", PRODUCTION_IMPORTS, ",".join(development), ",".join(APPS)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    assert finished.stdout.startswith("imported")
