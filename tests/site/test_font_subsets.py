"""The committed subset fonts are what scripts/build_font_subsets.py would build now.

The build needs node_modules and fontTools; these checks need neither. They fail when an
autonym (core/languages.py) or a catalog's "(startsida)" gains a letter the subset lacks,
or when the @font-face rules and the files drift apart; the fix is to run the script.
"""

import hashlib
import importlib.util
import json
from pathlib import Path

from django.conf import settings

import pytest

ROOT = Path(settings.BASE_DIR)


@pytest.fixture(scope="module")
def builder():
    spec = importlib.util.spec_from_file_location(
        "build_font_subsets", ROOT / "scripts" / "build_font_subsets.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def manifest(builder):
    return json.loads(builder.MANIFEST.read_text())


def test_subsets_hold_every_letter_the_switcher_shows(builder, manifest):
    wanted = builder.plan()
    assert set(manifest["files"]) == set(wanted)
    for name, spec in wanted.items():
        assert manifest["files"][name]["unicode_range"] == spec["unicode_range"], name
        assert manifest["files"][name]["text"] == spec["text"], name
    ethiopic = manifest["files"]["portal-autonyms-ethi-400.woff2"]["text"]
    assert set("ትግርኛ") <= set(ethiopic)


def test_committed_files_are_the_built_ones_and_small(builder, manifest):
    for name, spec in manifest["files"].items():
        data = (builder.FONTS / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == spec["sha256"], name
        # A few kilobytes: a whole script's font would be 50-75 KB. The Arabic core is
        # every Arabic and Persian letter with its joining forms: under half its source.
        limit = 24_000 if "arabic-core" in name else 8_000
        assert len(data) < limit, (name, len(data))


def test_font_face_rules_are_the_subsets(builder, manifest):
    files = manifest["files"]
    site_css = builder.SITE_CSS.read_text()
    assert builder.site_css_block(files) in site_css
    assert builder.ADMIN_CSS.read_text() == builder.admin_css(files)


def test_the_admin_loads_the_autonym_font(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert 'href="/static/core/css/admin-autonyms.css"' in html
