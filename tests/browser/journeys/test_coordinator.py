"""The coordinator reads the language coverage, the machine translation usage and the glossary.

Through the admin's menus (Rapporter, Översättning), in Swedish, at a desktop width:
every page titled for what it shows (not "Hem"), no English left by upstream, the coverage
table inside the window, numbers written the Swedish way.
"""

import re

from django.urls import reverse

import pytest

from .harness import DESKTOP, login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.journey,
    pytest.mark.django_db(serialized_rollback=True),
]

ENGLISH = re.compile(r"\b(There are no|Why not add one|More actions|No results|translation)\b")
UNSEPARATED = re.compile(r"\b\d{5,}\b")


def english_or_unseparated(page) -> list[str]:
    text = page.locator("main, #main").first.inner_text()
    return [*ENGLISH.findall(text), *UNSEPARATED.findall(text)]


def test_coordinator_reads_coverage_usage_and_glossary(journey, journey_site):
    session = journey("samordnare", "sv", DESKTOP)
    login(session, "samordnare")
    problems = []
    for step, url, title in [
        ("coverage", reverse("followup_coverage"), "Språktäckning"),
        ("usage", reverse("translation_usage"), "Maskinöversättning"),
        ("glossary", reverse("wagtailsnippets_translation_glossaryterm:list"), "Ordlista"),
    ]:
        session.goto(url)
        session.step(step)
        headings = [t.strip() for t in session.page.locator("h1:visible").all_inner_texts()]
        heading = " / ".join(headings)
        if "Hem" in headings or not any(title in h for h in headings):
            problems.append(f"{step}: the page is titled {heading!r}, not {title!r}")
        found = english_or_unseparated(session.page)
        if found:
            problems.append(f"{step}: English or unseparated numbers {found}")
        if step == "coverage":
            right = session.page.evaluate(
                "Math.max(...[...document.querySelectorAll('main table')]"
                ".map(t => t.getBoundingClientRect().right))"
            )
            if right > DESKTOP:
                problems.append(f"coverage: the table ends at {right}px, past the window")
            summary = session.page.locator(".summary").all_inner_texts()
            if any("största" in s and "minsta" in s for s in summary):
                shares = re.findall(r"\d+(?:,\d+)?\s?%", " ".join(summary))
                if len(set(shares)) == 1 and len(shares) > 1:
                    problems.append(f"coverage: the summary contradicts itself: {summary}")
    session.finish()
    assert not problems, "\n".join(problems)
