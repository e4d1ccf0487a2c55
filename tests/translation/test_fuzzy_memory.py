"""The fuzzy memory (issue #23): people's translations of similar Swedish strings."""

import itertools

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    String,
    StringTranslation,
    TranslatableObject,
    TranslationContext,
)
from wagtail_localize.strings import StringValue

import pytest
from rapidfuzz import fuzz

from devtools.demo.home import ensure_locales
from home.models import HomePage
from translation import fuzzy_memory
from translation.carry_forward import TOOL_NAME as CARRIED
from translation.estimates import plain_text

MANUAL = StringTranslation.TRANSLATION_TYPE_MANUAL
MACHINE = StringTranslation.TRANSLATION_TYPE_MACHINE
NEW = "Kommunen samarbetar med partner i Europa och Afrika om unga."
CLOSE = "Kommunen samarbetar med partner i Europa om unga."
FAIR = "Kommunen samarbetar med skolor i Europa och Asien om unga."
FAR = "Kommunen söker partner för utbyten inom kultur och idrott."
_paths = itertools.count()


@pytest.fixture
def memory(db):
    ensure_locales()
    sv = Locale.objects.get(language_code="sv")
    root = Page.get_first_root_node()
    page = root.add_child(instance=HomePage(title="Start", slug="fuzzy-start", locale=sv))
    obj, _created = TranslatableObject.objects.get_or_create_from_instance(page)

    def string(text: str) -> String:
        return String.from_value(sv, StringValue(text))

    def translated(text: str, target: str, code: str = "ar", **values) -> String:
        source = string(text)
        path = f"body.p{next(_paths)}"
        context = TranslationContext.objects.create(object=obj, path=path, field_path=path)
        StringTranslation.objects.create(
            translation_of=source,
            locale=Locale.objects.get(language_code=code),
            context=context,
            data=target,
            **{"translation_type": MANUAL, **values},
        )
        return source

    return {
        "string": string,
        "translated": translated,
        "ar": Locale.objects.get(language_code="ar"),
    }


def test_best_human_translations_above_the_threshold_best_first(memory):
    assert fuzz.ratio(plain_text(NEW), plain_text(FAR)) < fuzzy_memory.FUZZY_MIN
    close = memory["translated"](CLOSE, "ترجمة قريبة")
    fair = memory["translated"](FAIR, "ترجمة متوسطة")
    memory["translated"](FAR, "ترجمة بعيدة")
    new = memory["string"](NEW)

    found = fuzzy_memory.suggestions({new.pk: new.data}, memory["ar"])

    rows = found[new.pk]
    assert [row.string_id for row in rows] == [close.pk, fair.pk]
    assert [row.target for row in rows] == ["ترجمة قريبة", "ترجمة متوسطة"]
    assert rows[0].source == CLOSE
    assert rows[0].similarity > rows[1].similarity >= fuzzy_memory.FUZZY_MIN
    assert rows[0].similarity == int(fuzz.ratio(NEW, CLOSE))


def test_only_people_without_errors_in_the_same_language(memory):
    memory["translated"](CLOSE, "machine", translation_type=MACHINE, tool_name="DeepL")
    memory["translated"](CLOSE + " ", "error", has_error=True)
    memory["translated"](" " + CLOSE, "carried", tool_name=CARRIED)
    memory["translated"](CLOSE + "!", "Somali", code="so")
    new = memory["string"](NEW)

    assert fuzzy_memory.suggestions({new.pk: new.data}, memory["ar"]) == {}
    somali = fuzzy_memory.suggestions({new.pk: new.data}, Locale.objects.get(language_code="so"))
    assert [row.target for row in somali[new.pk]] == ["Somali"]


def test_an_exact_human_match_wins_a_machine_one_does_not(memory):
    close = memory["translated"](CLOSE, "قريبة")
    exact = memory["translated"](NEW, "بشرية")
    machine_only = memory["translated"](NEW + " Välkommen!", "آلة", translation_type=MACHINE)

    found = fuzzy_memory.suggestions(
        {exact.pk: exact.data, machine_only.pk: machine_only.data}, memory["ar"]
    )

    assert exact.pk not in found  # its own human translation is the memory's answer
    # A machine text is no match: the string gets suggestions, never its own translation.
    offered = [row.string_id for row in found[machine_only.pk]]
    assert offered[0] == exact.pk
    assert set(offered) <= {exact.pk, close.pk}


def test_at_most_three_and_markup_ignored(memory):
    for index in range(5):
        memory["translated"](
            f"<b>Kommunen</b> samarbetar med partner i Europa {index}.", f"t{index}"
        )
    new = memory["string"]("Kommunen samarbetar med partner i Europa.")

    rows = fuzzy_memory.suggestions({new.pk: new.data}, memory["ar"])[new.pk]

    assert len(rows) == fuzzy_memory.LIMIT
    assert all(row.similarity >= 90 for row in rows)


def test_one_page_costs_two_queries_whatever_its_size(memory):
    memory["translated"](CLOSE, "قريبة")
    one = memory["string"](NEW)
    many = [memory["string"](f"{NEW} Stycke {index}.") for index in range(40)]

    with CaptureQueriesContext(connection) as small:
        fuzzy_memory.suggestions({one.pk: one.data}, memory["ar"])
    with CaptureQueriesContext(connection) as large:
        found = fuzzy_memory.suggestions({s.pk: s.data for s in many}, memory["ar"])

    assert len(small) == len(large) == 2
    assert len(found) == 40
    # The candidates are cut by the length window in the database.
    assert "LENGTH" in large.captured_queries[-1]["sql"].upper()


def test_candidates_outside_the_length_window_are_not_read(memory):
    long_text = CLOSE + " " + "Mer text om samarbetet. " * 10
    memory["translated"](long_text, "طويل")
    new = memory["string"](NEW)

    windows = [fuzzy_memory._window(new.data, plain_text(new.data))]
    assert fuzzy_memory._candidates(memory["ar"], windows) == []
    assert fuzz.ratio(NEW, long_text) < fuzzy_memory.FUZZY_MIN  # the window lost nothing
