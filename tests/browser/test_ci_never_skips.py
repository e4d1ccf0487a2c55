"""Without chromium the browser tests skip on a developer's machine, and fail under CI."""

import pytest

from tests import conftest as root_conftest
from tests.browser import conftest


class Item:
    """The parts of a pytest item the collection hook reads and writes."""

    def __init__(self, *keywords):
        self.keywords = dict.fromkeys(keywords, True)
        self.stash = pytest.Stash()
        self.markers = []

    def add_marker(self, marker):
        self.markers.append(marker)


@pytest.fixture
def no_chromium(monkeypatch, tmp_path):
    monkeypatch.setattr(conftest, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setattr(conftest.shutil, "which", lambda name: None)


def test_without_ci_a_missing_chromium_skips_with_the_reason(no_chromium, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    browser_test, other_test = Item("browser", "journey"), Item()
    conftest.pytest_collection_modifyitems(None, [browser_test, other_test])
    assert [marker.name for marker in browser_test.markers] == ["skip"]
    assert "chromium" in browser_test.markers[0].kwargs["reason"]
    assert other_test.markers == []
    conftest.pytest_runtest_setup(browser_test)  # nothing to fail: it is skipped


@pytest.mark.parametrize("value", ["true", "1", "yes"])
def test_under_ci_a_missing_chromium_fails_the_browser_tests(no_chromium, monkeypatch, value):
    monkeypatch.setenv("CI", value)
    browser_test, other_test = Item("browser"), Item()
    conftest.pytest_collection_modifyitems(None, [browser_test, other_test])
    assert browser_test.markers == []
    with pytest.raises(pytest.fail.Exception, match="CI is set.*chromium"):
        conftest.pytest_runtest_setup(browser_test)
    conftest.pytest_runtest_setup(other_test)


def test_ci_false_is_not_ci(monkeypatch):
    monkeypatch.setenv("CI", "false")
    assert not conftest.under_ci()


def skipped_report(reason, **extra):
    report = pytest.TestReport(
        "tests/x.py::test_x", ("tests/x.py", 1, "test_x"), {}, "skipped", None, "call"
    )
    report.longrepr = ("tests/x.py", 1, f"Skipped: {reason}")
    for name, value in extra.items():
        setattr(report, name, value)
    return report


def test_under_ci_any_skip_is_a_failure_with_its_reason():
    """Every service, not only chromium: Varnish, PostgreSQL, the S3 stand-in."""
    report = skipped_report("varnishd is not installed")
    root_conftest.skip_as_failure(report)
    assert report.failed
    assert "varnishd is not installed" in report.longrepr


def test_an_expected_failure_stays_expected_under_ci():
    report = skipped_report("xfail", wasxfail="open bug")
    root_conftest.skip_as_failure(report)
    assert report.skipped
