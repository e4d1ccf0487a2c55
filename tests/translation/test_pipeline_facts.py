"""The draft pipeline's machine strings are checked by the facts guard as they are saved."""

from wagtail_localize.models import StringTranslation

import pytest

from review.models import FactCheck
from tests.translation.mt_helpers import draft_of
from translation.models import DraftStatus

DEADLINE = "Ansök senast 31 mars 2027 på www.nassjo.se."


def intro_check(page, code) -> FactCheck | None:
    string = StringTranslation.objects.get(
        locale__language_code=code,
        context__object_id=page.translation_key,
        context__path="intro",
    )
    return FactCheck.objects.filter(
        locale_id=string.locale_id, context_id=string.context_id, string_id=string.translation_of_id
    ).first()


@pytest.mark.django_db
def test_machine_drafts_get_their_facts_checked(deepl, make_page):
    page = make_page(title="Vänorter", intro=DEADLINE)
    _target, draft = draft_of(page, "en")
    assert draft.intro.startswith("[EN-GB]")
    check = intro_check(page, "en")
    # The stand-in's pseudo-translation ("márs") loses the month: an error on the date.
    assert check is not None
    assert ("error", "date", "31 mars 2027") in {
        (f["severity"], f["kind"], f["form"]) for f in check.findings
    }
    # The title has no facts: nothing stored for it.
    assert FactCheck.objects.filter(context__path="title").count() == 0


@pytest.mark.django_db
def test_a_failing_facts_check_never_costs_the_draft(deepl, make_page, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("facts guard down")

    monkeypatch.setattr("review.fact_checks.evaluate", broken)
    page = make_page(title="Vänorter", intro=DEADLINE)
    target, draft = draft_of(page, "en")
    assert draft.intro.startswith("[EN-GB]")
    assert DraftStatus.objects.get(page=page, locale__language_code="en").status == (
        DraftStatus.MADE
    )
    assert intro_check(page, "en") is None
