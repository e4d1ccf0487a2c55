"""The readability (LIX) of a Swedish page, shown in its editor and kept up to date as it is typed.

A panel in every page type's content tab (``BasePage.content_panels``): Wagtail 8 has no hook
to add a side panel to the page editor (``EditView.get_side_panels`` is a fixed list), so the
panel sits under the title, where the communicator writes. It shows the page's LIX with its
band, the sentences over 25 words and the hardest parts, each linking to its field through
Wagtail's own ``#:w:contentpath=`` anchor. Rendered from the saved draft; ``readability.js``
(static, no inline script, for the CSP) posts the form every few seconds while it changes
to ``core.views.ReadabilityView`` and swaps in the fragment it renders, as Wagtail's preview
panel does.
Only Swedish pages: LIX is a Swedish measure, and translations are judged by their translators.
"""

from django.template.loader import render_to_string
from django.urls import reverse

from wagtail.admin.panels import Panel

from core.languages import SOURCE_LANGUAGE
from core.page_text import page_readability

TEMPLATE = "core/panels/readability_report.html"


def report_html(page) -> str:
    return render_to_string(TEMPLATE, {"report": page_readability(page)})


def is_swedish(page) -> bool:
    locale = getattr(page, "locale", None)
    return locale is not None and locale.language_code == SOURCE_LANGUAGE


class ReadabilityPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "core/panels/readability.html"

        class Media:
            js = ["core/readability.js"]
            css = {"all": ["core/readability.css"]}

        def is_shown(self):
            return is_swedish(self.instance)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["url"] = reverse("core_readability", args=[page.pk]) if page and page.pk else ""
            context["report_html"] = report_html(page)
            return context
