"""check(): errors for lost or changed facts, warnings for glossary terms, never an exception."""

import logging
import random

import pytest

from core import facts
from core.facts import ERROR, WARNING, check, guard, has_facts, malformed_numbers

SOURCE = "Sista ansökningsdag är 31 mars 2027. Ring 0380-51 80 00. Bidraget är 3 000 kr."
ARABIC = "آخر موعد للتقديم ٣١ مارس ٢٠٢٧. اتصل على ٠٣٨٠-٥١ ٨٠ ٠٠. المنحة ٣٬٠٠٠ كرونة."


def errors(findings):
    return [(f.kind, f.form) for f in findings if f.severity == ERROR]


def test_correct_arabic_translation_has_no_finding():
    assert check(SOURCE, ARABIC, "ar") == []


def test_changed_date_and_phone_in_arabic_are_errors_naming_the_swedish_form():
    changed = ARABIC.replace("٣١ مارس", "٣١ أبريل").replace("٨٠ ٠٠", "٨٠ ٠١")
    assert errors(check(SOURCE, changed, "ar")) == [
        ("date", "31 mars 2027"),
        ("phone", "0380-51 80 00"),
    ]
    finding = check(SOURCE, changed, "ar")[0]
    assert finding.code == "missing_or_changed"
    assert finding.expected == "2027-03-31"


def test_reformatted_phone_with_the_same_digits_is_correct():
    english = "Apply by 31 March 2027. Call +46 380 51 80 00. The grant is SEK 3,000."
    assert check(SOURCE, english, "en") == []


@pytest.mark.parametrize(
    ("translation", "kind"),
    [
        ("Apply by 31 March 2027. Call +46 380 51 80 00. The grant is EUR 3,000.", "amount"),
        ("Apply by 31 March 2027. Call +46 380 51 80 00. The grant is SEK 300.", "amount"),
        ("Apply by 31 March 2027. Call +46 380 51 80 00. The grant is SEK 30,000.", "amount"),
        ("Apply by 31 April 2027. Call +46 380 51 80 00. The grant is SEK 3,000.", "date"),
        ("Apply by 13 March 2027. Call +46 380 51 80 00. The grant is SEK 3,000.", "date"),
        ("Apply by 31 March 2027. Call +46 380 51 08 00. The grant is SEK 3,000.", "phone"),
        ("Apply by 31 March 2027. Call +380 51 80 00. The grant is SEK 3,000.", "phone"),
        ("Apply by 31 March 2027. The grant is SEK 3,000.", "phone"),
    ],
)
def test_each_kind_of_corruption_is_an_error_of_that_kind(translation, kind):
    assert [k for k, _form in errors(check(SOURCE, translation, "en"))] == [kind]


@pytest.mark.parametrize(
    ("language", "translation"),
    [
        ("fa", "مهلت ۳۱ مارس ۲۰۲۷. تلفن ۰۳۸۰-۵۱ ۸۰ ۰۰. مبلغ ۳۰۰۰ کرون."),
        ("so", "Waqtigu waa 31 Maarso 2027. Wac 0380-51 80 00. Deeqdu waa 3,000 karoon."),
        ("ti", "ናይ መወዳእታ 31 መጋቢት 2027። ደውሉ 0380-51 80 00። ሓገዝ 3,000 ክሮና።"),
        ("uk", "Термін — 31 березня 2027 року. Телефон 0380-51 80 00. Грант — 3 000 крон."),
        ("pl", "Termin: 31 marca 2027 r. Tel. 0380-51 80 00. Dotacja: 3 000 koron."),
        ("fi", "Määräaika 31.3.2027. Puh. 0380-51 80 00. Avustus 3 000 kruunua."),
    ],
)
def test_correct_translations_in_every_language(language, translation):
    assert check(SOURCE, translation, language) == []


@pytest.mark.parametrize(
    ("language", "translation"),
    [
        ("ti", "ናይ መወዳእታ 31 ሚያዝያ 2027። ደውሉ 0380-51 80 00። ሓገዝ 3,000 ክሮና።"),
        ("uk", "Термін — 31 квітня 2027 року. Телефон 0380-51 80 00. Грант — 3 000 крон."),
        ("pl", "Termin: 31 kwietnia 2027 r. Tel. 0380-51 80 00. Dotacja: 3 000 koron."),
        ("fi", "Määräaika 31.4.2027. Puh. 0380-51 80 00. Avustus 3 000 kruunua."),
    ],
)
def test_shifted_month_in_every_script(language, translation):
    assert errors(check(SOURCE, translation, language)) == [("date", "31 mars 2027")]


def test_currency_of_a_neighbouring_amount_is_not_borrowed():
    """Found on the held-out strings: "from EUR 2,000 to SEK 2,500" took SEK for the 2,000."""
    source = "Bidraget har höjts från 2 000 kr till 2 500 kr per barn."
    good = "The allowance has been raised from SEK 2,000 to SEK 2,500 per child."
    bad = "The allowance has been raised from EUR 2,000 to SEK 2,500 per child."
    assert check(source, good, "en") == []
    assert errors(check(source, bad, "en")) == [("amount", "2 000 kr")]


@pytest.mark.parametrize(
    ("language", "translation"),
    [("en", "Nearly 60 per cent were women."), ("ar", "كانت النساء نحو ٦٠ في المائة.")],
)
def test_percent_written_as_two_words(language, translation):
    """Found on the held-out strings: "per cent" and "في المائة" were not read as percent."""
    assert check("Nära 60 procent var kvinnor.", translation, language) == []


@pytest.mark.parametrize(
    "translation",
    [
        "Deadline: 31st March 2027. Call 0380 51 80 00 on weekdays 8am–4pm. SEK 3,000.",
        "Deadline: March 31st, 2027. Call 0380-518000 weekdays 08:00-16:00. Grant: SEK 3000.",
        "Deadline: 31/03/2027. Call +46-380-51-80-00 weekdays 8–16. Grant: 3 000 SEK.",
        "Deadline: Mar 31, 2027. Call +46 (0)380 518 000 from 8:00 to 16:00. 3,000 crowns.",
    ],
)
def test_english_styles_of_the_same_facts(translation):
    source = "Sista dag 31 mars 2027. Ring 0380-51 80 00 vardagar kl. 8–16. Bidraget är 3 000 kr."
    assert check(source, translation, "en") == []


@pytest.mark.parametrize(
    ("language", "translation"),
    [
        ("ar", "الموعد ٣١/٣/٢٠٢٧. اتصل على ٠٣٨٠٥١٨٠٠٠ من ٨ صباحًا حتى ٤ مساءً. المنحة ٣٠٠٠ كرون."),
        (
            "uk",
            "Термін — 31.03.2027 р. Телефон 0380 51 80 00, з 8.00 до 16.00. Грант — 3 тис. крон.",
        ),
        (
            "pl",
            "Termin: 31.03.2027 r. Tel. +46 380 51 80 00, od 8:00 do 16:00. Dotacja: 3 tys. koron.",
        ),
        ("fi", "Määräaika 31.3.2027. Soita 0380 518 000 arkisin kello 8–16. Avustus 3000 kruunua."),
        (
            "so",
            "Waa 31-ka Maarso 2027. Wac 0380-51 80 00, 8–16. Deeqdu waa 3000 oo karoon.",
        ),
        ("ti", "ዕለት 31 መጋቢት 2027 ዓ.ም. እዩ። ብ+46 380 51 80 00 ደውሉ ሰዓት 8:00–16:00። ሓገዝ 3000 ክሮና።"),
        (
            "fa",
            "مهلت ۳۱ مارس ۲۰۲۷ میلادی. ساعت ۸ تا ۱۶ با +۴۶ ۳۸۰ ۵۱ ۸۰ ۰۰ تماس. ۳٬۰۰۰ کرون سوئد.",
        ),
    ],
)
def test_other_styles_of_the_same_facts(language, translation):
    """Forms outside the corpus: thousands as a word ("3 тис."), Somali "31-ka", "oo" before
    the currency, Arabic morning/evening words, numeric dates, phones without separators."""
    source = "Sista dag 31 mars 2027. Ring 0380-51 80 00 vardagar kl. 8–16. Bidraget är 3 000 kr."
    assert check(source, translation, language) == []


def test_lost_or_translated_address_is_an_error():
    source = "Mejla eu@nassjo.se eller läs på www.nassjo.se/eu."
    assert check(source, "Email eu@nassjo.se or read www.nassjo.se/eu.", "en") == []
    translated = "Email eu@nassjo.com or read www.nassjo.se/eu."
    assert errors(check(source, translated, "en")) == [("email", "eu@nassjo.se")]
    dropped = "Email eu@nassjo.se or read our website."
    assert errors(check(source, dropped, "en")) == [("url", "www.nassjo.se/eu")]


def test_protected_term_dropped_is_an_error():
    source = "Erasmus+ ger 22 elever möjlighet att studera utomlands."
    kept = "Erasmus+ gives 22 pupils the chance to study abroad."
    dropped = "Erasmus gives 22 pupils the chance to study abroad."
    assert check(source, kept, "en", protected_terms=["Erasmus+"]) == []
    assert errors(check(source, dropped, "en", protected_terms=["Erasmus+"])) == [
        ("protected_term", "Erasmus+")
    ]


def test_protected_term_not_in_the_swedish_text_is_not_required():
    assert check("Ring 0380-51 80 00.", "Call 0380-51 80 00.", "en", ["Erasmus+"]) == []


def test_glossary_term_not_used_is_a_warning():
    source = "Ansökan om bidrag görs senast 1 juni."
    glossary = {"bidrag": "grant"}
    good = "Apply for a grant by 1 June."
    other = "Apply for a subsidy by 1 June."
    assert check(source, good, "en", glossary=glossary) == []
    findings = check(source, other, "en", glossary=glossary)
    assert [(f.severity, f.kind, f.form, f.expected) for f in findings] == [
        (WARNING, "glossary_term", "bidrag", "grant")
    ]


def test_glossary_as_pairs_and_inflected_target():
    source = "Bidraget är 3 000 kr."
    assert check(source, "Грант становить 3 000 крон.", "uk", glossary=[("bidrag", "грант")]) == []
    assert check(source, "Розмір гранту — 3 000 крон.", "uk", glossary=[("bidrag", "грант")]) == []


def test_strings_without_facts_are_not_parsed(monkeypatch):
    def explode(*args, **kwargs):
        raise AssertionError("extract must not run for a string without facts")

    monkeypatch.setattr(guard, "extract", explode)
    assert not has_facts("Välkommen till kommunens internationella sidor.")
    assert check("Välkommen till kommunens internationella sidor.", "Welcome.", "en") == []


@pytest.mark.parametrize(
    "text", ["Ring oss på 0380-51 80 00", "Mejla eu@nassjo.se", "Senast i mars", "Öppet måndagar"]
)
def test_the_pre_check_lets_facts_through(text):
    assert has_facts(text)


HOSTILE = [
    None,
    "",
    123,
    b"31 mars 2027",
    ["3 000 kr"],
    "\x00" * 50,
    "9" * 5000,
    "٣" * 3000 + "٫" + "٣" * 3000,
    "+" * 1000 + "46" * 500,
    "kl. " * 500 + "99.99–99.99",
    "31 " * 1000 + "mars " * 1000,
    "\u202e\u2066 31 mars 2027 \u2069\u202c",
    "www." + "a." * 2000 + "se",
    "@" * 3000,
    "\ud800 lone surrogate 3 000 kr",
    "0380-" * 400,
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_check_never_raises_on_hostile_input(hostile):
    for language in ("en", "ar", "ti", "xx", None):
        result = check(hostile, hostile, language, protected_terms=[hostile], glossary=hostile)
        assert isinstance(result, list)
        assert all(isinstance(f, facts.Finding) for f in result)
        assert isinstance(malformed_numbers(hostile), list)


def test_check_never_raises_on_random_text():
    """A seeded fuzz over the characters the extractors care about (no timing involved)."""
    alphabet = (
        "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹ ,.:-–+/%@()kr mars Maarso መጋቢት березня €$\u200f\u200c"
    )
    rng = random.Random(22)
    for _ in range(120):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        other = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        for language in ("en", "ar", "fa", "so", "ti", "uk", "pl", "fi"):
            assert isinstance(check(text, other, language), list)


def test_an_internal_failure_is_one_error_and_a_log_line(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(guard, "extract", broken)
    with caplog.at_level(logging.ERROR, logger="core.facts.guard"):
        findings = check(SOURCE, ARABIC, "ar")
    assert [(f.severity, f.code) for f in findings] == [(ERROR, "check_failed")]
    assert "facts check failed" in caplog.text


def test_unknown_language_is_a_failed_check_not_an_exception():
    assert [f.code for f in check(SOURCE, ARABIC, "xx")] == ["check_failed"]


@pytest.mark.parametrize(
    ("text", "code", "form"),
    [
        ("Bidraget är 3,000 kr.", "comma_grouping", "3,000"),
        ("Bidraget är 3.000 kr.", "dot_grouping", "3.000"),
        ("Budgeten är 1.5 miljoner kronor.", "decimal_point", "1.5"),
        ("Avgiften är 30 00 kr.", "broken_grouping", "30 00"),
        ("Sista dag 2027-02-30.", "invalid_date", "2027-02-30"),
        ("Sista dag 31 april.", "invalid_date", "31 april"),
        ("Org.nr 212000-0549.", "checksum", "212000-0549"),
        ("Öppet till kl. 25.", "invalid_time", "kl. 25"),
    ],
)
def test_malformed_numbers_in_swedish_are_warnings(text, code, form):
    found = malformed_numbers(text)
    assert [(f.severity, f.code, f.form) for f in found] == [(WARNING, code, form)]


@pytest.mark.parametrize(
    "text",
    [
        "Bidraget är 3 000 kr, 1,5 miljoner kronor eller 25 %.",
        "Öppet kl. 8.00–16.30 den 29 februari 2028.",
        "Org.nr 212000-0548, 571 80 Nässjö, 2027-03-31.",
    ],
)
def test_well_formed_swedish_numbers_give_no_warning(text):
    assert malformed_numbers(text) == []


def test_measurement_tools_stay_out_of_runtime_imports():
    """The bench and the corruption generator are for `make bench-facts` and the tests only."""
    import subprocess
    import sys

    code = (
        "import sys, core.facts; "
        "print(sorted(m for m in sys.modules if m.startswith('core.facts.')))"
    )
    loaded = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "core.facts.guard" in loaded
    assert "devtools.bench.facts" not in loaded
    assert "devtools.facts_corruptions" not in loaded
