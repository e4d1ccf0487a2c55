"""Reading the coverage report's table: a language's count in one review state's column."""

from django.utils import translation

from followup.coverage import language_name


def cell(page, language_code: str, column: str) -> str | None:
    """The text of ``column`` (a heading, e.g. "Inaktuell") in ``language_code``'s row."""
    with translation.override("sv"):
        name = str(language_name(language_code))
    return page.evaluate(
        """([name, column]) => {
            for (const table of document.querySelectorAll('table')) {
                const headings = [...table.querySelectorAll('thead th')]
                    .map(th => th.textContent.trim());
                const at = headings.findIndex(h => h.startsWith(column));
                if (at < 0) continue;
                for (const row of table.querySelectorAll('tbody tr')) {
                    const cells = [...row.children];
                    if (cells[0] && cells[0].textContent.trim() === name && cells[at]) {
                        return cells[at].textContent.trim();
                    }
                }
            }
            return null;
        }""",
        [name, column],
    )
