"""``make bench-site BAKERYDEMO=DIR``: the comparison with bakerydemo reads as issue 13 asks."""

import pytest

from devtools.bench.bakerydemo import PAIRS, Bakerydemo, comparison_table, ratio
from devtools.bench.site import BAKERYDEMO, PAGES, measured, table


def result(rps, p50=10.0, p99=20.0):
    return {"rps": rps, "p50": p50, "p99": p99, "errors": 0}


def test_ratio_is_ours_over_bakerydemo():
    assert ratio(200.0, 80.0) == "2.5×"
    assert ratio(150.0, 100.0) == "1.5×"
    assert ratio(150.0, 0.0) == "–"


def test_every_pair_names_a_measured_portal_page():
    assert set(PAIRS) <= set(PAGES)
    assert set(PAIRS) == set(BAKERYDEMO)


def test_comparison_table_sets_bakerydemo_beside_ours_per_language():
    pages = {name: {"path": f"/{i}/", "queries": 40 + i} for i, name in enumerate(PAIRS)}
    measured = {name: result(50.0) for name in PAIRS}
    measured["search"] = result(0.0, None, None)
    ours = {
        (code, name): result(120.0 if code == "sv" else 90.0)
        for name in PAIRS
        for code in ("sv", "ar")
    }
    text = comparison_table(pages, measured, ours, ("sv", "ar"))
    lines = text.splitlines()
    assert lines[0].count("|") == lines[1].count("|") == lines[2].count("|")
    assert "| home ↔ home | `/0/` | 40 | 50 | 10.0 | 20.0 | 2.4× | 1.8× |" in lines
    assert "| news item ↔ blog post | `/2/` | 42 | 50 | 10.0 | 20.0 | 2.4× | 1.8× |" in lines
    # A page bakerydemo did not answer gives no ratio rather than a division by zero.
    assert "| search ↔ search | `/5/` | 45 | 0 | – | – | – | – |" in lines


def test_a_page_of_no_language_is_measured_once():
    assert measured("/sitemap.xml") == [("sv", "/sitemap.xml")]
    assert measured("nyheter/") == [("sv", "/sv/nyheter/"), ("ar", "/ar/nyheter/")]
    pages = {name: {"path": "/x/", "queries": 1} for name in PAIRS}
    ours = {
        (code, name): result(300.0)
        for name, path in PAGES.items()
        for code, _url in measured(path)
        if name in PAIRS
    }
    text = comparison_table(pages, {name: result(100.0) for name in PAIRS}, ours, ("sv", "ar"))
    assert "| sitemap ↔ sitemap | `/x/` | 1 | 100 | 10.0 | 20.0 | 3.0× | – |" in text.splitlines()


def test_portal_table_quotes_the_issue_unless_bakerydemo_was_measured():
    counts = {(code, name): 5 for name in PAGES for code in ("sv", "ar")}
    results = {key: (result(100.0), result(9000.0)) for key in counts}
    quoted = table(counts, results)
    measured = table(counts, results, {"home": 50, "search": None})
    assert "| home | sv | 5 | 43 |" in quoted
    assert "| home | sv | 5 | 50 |" in measured
    assert "| search | sv | 5 |  |" in measured


def test_bakerydemo_directory_must_be_prepared(tmp_path):
    with pytest.raises(SystemExit, match="not a prepared bakerydemo"):
        Bakerydemo(tmp_path, 8177)


def test_bakerydemo_runs_without_the_portals_database_and_settings(tmp_path, monkeypatch):
    (tmp_path / "manage.py").write_text("")
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text("")
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/portal.sqlite3")
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    bakerydemo = Bakerydemo(tmp_path, 8177)
    assert "DATABASE_URL" not in bakerydemo.env
    assert bakerydemo.env["DJANGO_SETTINGS_MODULE"] == "bakerydemo.settings"
    assert bakerydemo.env["PYTHONPATH"] == str(tmp_path.resolve())
    assert bakerydemo.url("home") is None
    bakerydemo.pages = {"home": {"path": "/", "queries": 50, "status": 200}}
    assert bakerydemo.url("home") == "http://127.0.0.1:8177/"
