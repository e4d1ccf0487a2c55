"""Helpers for the review tests. The content they need (pages, translations, users) comes
from the builders (``devtools/builders``); what is left here only reads or runs."""

from django.test import TestCase

from wagtail.models import Page
from wagtail_localize.models import Translation


def run_on_commit():
    """wagtail-localize publishes on commit; inside a test transaction, run it now."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def translation_for(target: Page) -> Translation:
    return Translation.objects.get(
        source__object_id=target.translation_key, target_locale=target.locale
    )


# The body of the page an agency translates in the PO and XLIFF tests: markup and a
# placeholder.
AGENCY_BODY = "<p>Vi söker <b>partner</b> i Europa för %(antal)s projekt.</p>"
