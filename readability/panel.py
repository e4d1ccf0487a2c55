"""The readability (LIX) of a Swedish page, shown in its editor and kept up to date as it is typed.

A panel in every page type's content tab (``BasePage.content_panels``): Wagtail 8 has no hook
to add a side panel to the page editor (``EditView.get_side_panels`` is a fixed list), so the
panel sits under the title, where the communicator writes. It shows the page's LIX with its
band, the sentences over 25 words and the hardest parts, each linking to its field through
Wagtail's own ``#:w:contentpath=`` anchor. Rendered from the saved draft; ``readability.js``
(static, no inline script, for the CSP) posts the form every few seconds while it changes
to ``readability.views.ReadabilityView`` and swaps in the fragment it renders, as Wagtail's preview
panel does.
Only Swedish pages: LIX is a Swedish measure, and translations are judged by their translators.

Numbers that read two ways ("3,000 kr", "1.5 miljoner"), dates that do not exist ("31 april")
and mistyped organisation numbers are listed here too, as warnings for the communicator:
the facts guard (``core.facts.malformed_numbers``) cannot compare what the Swedish text
itself leaves unclear, and every translation would inherit it.
"""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin.panels import Panel

from core.languages import SOURCE_LANGUAGE
from readability.page_text import page_readability, page_text_parts

TEMPLATE = "readability/panels/readability_report.html"


def _number_message(code: str, form: str) -> str:
    messages = {
        "comma_grouping": _(
            "”%(form)s”: komma läses som decimaltecken på svenska; skriv tusental med "
            "mellanslag (3 000)"
        ),
        "dot_grouping": _("”%(form)s”: skriv tusental med mellanslag (3 000), inte med punkt"),
        "decimal_point": _("”%(form)s”: på svenska skrivs decimaler med komma (1,5)"),
        "broken_grouping": _("”%(form)s”: siffrorna ska grupperas tre och tre (30 000)"),
        "invalid_date": _("”%(form)s”: datumet finns inte"),
        "checksum": _("”%(form)s”: organisationsnumret har fel kontrollsiffra"),
        "invalid_time": _("”%(form)s”: klockslaget finns inte"),
    }
    return messages.get(code, _("”%(form)s”: kontrollera talet")) % {"form": form}


def number_warnings(page) -> list:
    """(part, message) for each malformed number, date or organisation number of the page."""
    # The facts guard's parser is plain Python (Babel's CLDR data, no models).
    from core.facts import malformed_numbers

    return [
        (part, _number_message(finding.code, finding.form))
        for part in page_text_parts(page)
        for finding in malformed_numbers(part.text)
    ]


def report_html(page) -> str:
    return render_to_string(
        TEMPLATE, {"report": page_readability(page), "numbers": number_warnings(page)}
    )


def is_swedish(page) -> bool:
    locale = getattr(page, "locale", None)
    return locale is not None and locale.language_code == SOURCE_LANGUAGE


class ReadabilityPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "readability/panels/readability.html"

        class Media:
            js = ["readability/readability.js"]
            css = {"all": ["readability/readability.css"]}

        def is_shown(self):
            return is_swedish(self.instance)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["url"] = (
                reverse("readability_report", args=[page.pk]) if page and page.pk else ""
            )
            context["report_html"] = report_html(page)
            return context
