"""compile_catalogs: fresh catalogs are skipped, a new .mo file replaces the old one whole."""

import io
import os

from django.core.management import call_command
from django.test import override_settings

import polib
import pytest


def write_catalog(root, code="en"):
    folder = root / code / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": code}
    po.append(polib.POEntry(msgid="Hoppa till innehållet", msgstr="Skip to content"))
    po.save(str(folder / "django.po"))
    return folder


def compile_in(root) -> str:
    out = io.StringIO()
    with override_settings(LOCALE_PATHS=[root]):
        call_command("compile_catalogs", stdout=out)
    return out.getvalue()


def test_compiles_a_new_catalog_then_skips_it_while_it_is_fresh(tmp_path):
    folder = write_catalog(tmp_path)

    assert "Compiled 1 catalog(s)." in compile_in(tmp_path)
    mo = polib.mofile(str(folder / "django.mo"))
    assert mo.find("Hoppa till innehållet").msgstr == "Skip to content"
    assert "Compiled 0 catalog(s)." in compile_in(tmp_path)

    # A catalog edited after its .mo file is compiled again.
    po_path = folder / "django.po"
    later = (folder / "django.mo").stat().st_mtime + 10
    os.utime(po_path, (later, later))
    assert "Compiled 1 catalog(s)." in compile_in(tmp_path)


def test_a_compile_that_fails_half_way_leaves_the_previous_catalog_whole(tmp_path, monkeypatch):
    """Parallel test workers read the .mo files while another one may be writing them."""
    folder = write_catalog(tmp_path)
    compile_in(tmp_path)
    before = (folder / "django.mo").read_bytes()
    later = (folder / "django.mo").stat().st_mtime + 10
    os.utime(folder / "django.po", (later, later))

    def write_half_and_fail(self, path):
        with open(path, "wb") as file:
            file.write(before[: len(before) // 2])
        raise OSError("disk full")

    monkeypatch.setattr(polib.POFile, "save_as_mofile", write_half_and_fail)
    with pytest.raises(OSError, match="disk full"):
        compile_in(tmp_path)

    assert (folder / "django.mo").read_bytes() == before
    assert sorted(path.name for path in folder.iterdir()) == ["django.mo", "django.po"]
