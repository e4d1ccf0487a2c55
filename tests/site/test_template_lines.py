"""Every project template line fits in 120 characters.

The templates are indented by djhtml (`make format`; `make lint` checks it), which only
re-indents and so cannot wrap a line: a long tag would grow past any editor's width again
unnoticed. The fixtures' HTML under tests/ is left alone. How to wrap without changing what
is rendered or translated: README.md, "Tests and CI".
"""

from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LIMIT = 120


def project_templates():
    # The app directories `make lint` hands to djhtml (TEMPLATES in the Makefile).
    return sorted(path for path in ROOT.glob("*/templates/**/*") if path.is_file())


def test_the_templates_are_found():
    names = {path.relative_to(ROOT).as_posix() for path in project_templates()}
    assert "site/templates/base.html" in names
    assert "site/templates/sitemap.xml" in names
    assert not any(name.startswith(("tests/", "node_modules/", ".venv/")) for name in names)


def test_no_template_line_is_longer_than_the_limit():
    long_lines = [
        f"{path.relative_to(ROOT)}:{number}: {len(line)} characters"
        for path in project_templates()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if len(line) > LIMIT
    ]
    assert not long_lines, "\n".join(long_lines)
