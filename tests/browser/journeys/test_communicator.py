"""The communicator: edits a Swedish news item, publishes it, and sees the drafts per language.

They log in through the login form, find the news item in the page explorer, change its
introduction, publish, follow the message to the status per language, and come back to it
through the page's "…" menu (*Översättningsutkast*). The drafts are made by the pipeline
against the local DeepL server while the publish is answered (tasks run at once in tests,
as the worker runs them within seconds in production).
"""

import re

from django.conf import settings
from django.urls import reverse

import pytest

from international.models import NewsIndexPage, NewsPage
from translation.models import DraftStatus

from . import editor
from .harness import DESKTOP, login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.journey,
    pytest.mark.django_db(serialized_rollback=True),
]

# Every language gets a machine draft: DeepL's six, Azure's Somali and Tigrinya (issue 21).
MACHINE_LANGUAGES = {"en", "ar", "fa", "uk", "pl", "fi", "so", "ti"}


def test_communicator_publishes_and_sees_drafts_per_language(journey, journey_site):
    index = NewsIndexPage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
    news = NewsPage.objects.child_of(index).live().order_by("path").first()
    session = journey("kommunikator", "sv", DESKTOP)
    login(session, "kommunikator")
    session.step("dashboard")

    # The explorer lists the news; the title opens the editor.
    session.goto(reverse("wagtailadmin_explore", args=[index.pk]))
    session.step("explorer")
    session.page.locator(
        f"a[href='{reverse('wagtailadmin_pages:edit', args=[news.pk])}']"
    ).first.click()
    session.page.wait_for_load_state("networkidle")
    session.page.fill("input[name=title]", f"{news.title} – uppdaterad")
    session.step("edit")
    editor.publish_page(session.page)
    session.step("published")
    status_link = session.page.locator(
        f".messages a[href='{reverse('translation_page_status', args=[news.pk])}']"
    )
    assert status_link.count() == 1, "the message does not link to the status per language"

    # Back to the page, then its "…" menu: Översättningsutkast.
    session.goto(reverse("wagtailadmin_pages:edit", args=[news.pk]))
    # The "…" button beside the title (labelled in Swedish or, upstream's, in English).
    more = session.page.locator("header").get_by_role(
        "button", name=re.compile("Handlingar|Fler åtgärder|Åtgärder|More actions|Actions", re.I)
    )
    more.first.click()
    session.page.get_by_role("link", name="Översättningsutkast").click()
    session.page.wait_for_load_state("networkidle")
    session.step("drafts-status")
    statuses = dict(
        DraftStatus.objects.filter(page=news).values_list("locale__language_code", "status")
    )
    assert {code for code, status in statuses.items() if status == DraftStatus.MADE} == (
        MACHINE_LANGUAGES
    ), statuses
    rows = session.page.locator("table.listing tbody tr")
    assert rows.count() == len(MACHINE_LANGUAGES)
    shown = session.page.locator("td[data-status]").evaluate_all(
        "cells => cells.map(c => c.dataset.status)"
    )
    assert sorted(shown) == sorted(statuses.values())
    # The page title names the page, not the admin's home ("Hem").
    titles = [t.strip() for t in session.page.locator("h1:visible").all_inner_texts()]
    assert "Hem" not in titles, f"the drafts status page is titled {titles}"
    session.finish()
