"""Cost estimates before the work, measured against what the engines then bill, and the
monthly budget of one language."""

from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from wagtail.models import Site
from wagtail_localize.models import StringSegment, StringTranslation

import environ
import pytest

from portal.settings.environment import Environment
from readability.models import ReadabilitySettings
from tests.translation.mt_helpers import DEEPL_CODES, paragraphs
from tests.translation.test_backfill import backfill, no_welcome_page  # noqa: F401
from translation import estimates, usage
from translation.models import DraftStatus, LanguageSettings


def by_code(estimate):
    return {row.locale.language_code: row for row in estimate.languages}


SHARED = "<p>Europa Direkt hjälper företag att söka <b>EU-medel</b> för projekt i Nässjö.</p>"


@pytest.mark.django_db
def test_the_backfill_estimate_is_within_two_percent_of_what_the_engines_bill(
    deepl, azure, make_page, settings, home
):
    terms = ReadabilitySettings.for_site(Site.objects.get(is_default_site=True))
    terms.protected_terms = "Europa Direkt\n"
    terms.save()
    # One page translated when it was published: its strings are the memory of the others.
    make_page(title="Tidigare", body=SHARED + paragraphs(3, prefix="Förr"))
    settings.TRANSLATION_AUTO_DRAFTS = False  # pages published before the languages existed
    for n in (1, 2, 3):
        make_page(
            title=f"Sida {n}",
            intro=f"Kort ingress {n}",
            body=SHARED
            + paragraphs(12, prefix=f"Del {n}")
            + paragraphs(4, prefix="Gemensam")  # the same on every page: memory within the run
            + '<p>Läs mer på <a href="https://example.invalid/">vår webbplats</a> &amp; ring.</p>',
        )
    before_deepl = len(deepl.translate_requests())
    before_azure = len(azure.translate_requests())

    estimate = estimates.estimate(estimates.backfill_work())
    assert len(deepl.translate_requests()) == before_deepl  # nothing sent to estimate
    assert len(azure.translate_requests()) == before_azure

    out = backfill()
    assert "Done." in out

    rows = by_code(estimate)
    billed = {}
    for code, deepl_code in DEEPL_CODES.items():
        requests = [
            r for r in deepl.translate_requests()[before_deepl:] if r["target_lang"] == deepl_code
        ]
        billed[code] = sum(request["billed"] for request in requests)
    for code in ("so", "ti"):
        requests = [r for r in azure.translate_requests()[before_azure:] if r["to"] == [code]]
        billed[code] = sum(request["metered"] for request in requests)
    assert rows["fa"].engine == "deepl" and rows["so"].engine == "azure"
    for code, characters in billed.items():
        assert characters > 1000, code
        assert abs(rows[code].characters - characters) <= 0.02 * characters, (
            code,
            rows[code].characters,
            characters,
        )
    # The memory matters: the shared paragraphs were sent once per language, not per page,
    # and the paragraph the earlier page translated not at all.
    sent_uk = [r for r in deepl.translate_requests()[before_deepl:] if r["target_lang"] == "UK"]
    assert rows["uk"].texts == sum(request["texts"] for request in sent_uk)
    texts = [text for request in sent_uk for text in request["sent"]]
    assert sum("Gemensam 1:" in text for text in texts) == 1
    assert not any("EU-medel" in text for text in texts)
    assert rows["uk"].words["exact"] > 0 and rows["uk"].pages == 4  # the home page too


@pytest.mark.django_db
def test_words_are_banded_by_the_memory_and_priced(deepl, make_page, settings, locales):
    settings.DEEPL_PRICE_PER_1000_CHARACTERS = Decimal("0.20")
    LanguageSettings.objects.create(
        locale=locales["uk"],
        agency_price_new=Decimal("1.500"),
        agency_price_fuzzy=Decimal("0.750"),
        agency_price_exact=Decimal("0.300"),
    )
    make_page(
        title="Minne",
        body="<p>Kommunen har en ny plan för internationellt samarbete med skolor.</p>",
    )
    human = StringSegment.objects.get(string__data__startswith="Kommunen har en ny plan")
    StringTranslation.objects.filter(translation_of=human.string, locale=locales["uk"]).update(
        translation_type="manual", data="Людська версія."
    )
    settings.TRANSLATION_AUTO_DRAFTS = False
    exact = "<p>Kommunen har en ny plan för internationellt samarbete med skolor.</p>"
    fuzzy = "<p>Kommunen har en ny plan för internationellt samarbete med förskolor.</p>"
    new = "<p>Biblioteket öppnar klockan tio varje lördag under sommaren.</p>"
    page = make_page(title="Ny", body=exact + fuzzy + new + new)

    rows = by_code(estimates.estimate(estimates.page_work(page, ["uk"])))
    row = rows["uk"]

    assert row.words["exact"] == 10 + 8  # the memory's sentence, and the repeated one
    assert row.words["fuzzy"] == 10
    assert row.words["new"] == 1 + 8  # the title "Ny", the new sentence once
    assert row.agency_cost == Decimal("1.500") * 9 + Decimal("0.750") * 10 + Decimal("0.300") * 18
    # Sent: the title, the fuzzy and the new sentence once; the memory's sentence not.
    assert row.texts == 3
    plain = len("Ny") + len(fuzzy) - len("<p></p>") + len(new) - len("<p></p>")
    assert row.characters == plain
    assert row.engine_cost == (Decimal("0.20") * plain / 1000).quantize(Decimal("0.01"))
    # Prices not entered: characters and words, no money. The machine translation of the
    # first page is in the memory too (an agency would still see it as a 100 % match).
    other = by_code(estimates.estimate(estimates.page_work(page, ["pl"])))["pl"]
    assert other.agency_cost is None and other.engine_cost is not None
    assert other.characters == plain and other.words == row.words


@pytest.mark.django_db
def test_a_language_budget_stops_that_language_alone(deepl, make_page, settings, locales):
    LanguageSettings.objects.create(locale=locales["uk"], monthly_character_budget=300)
    page = make_page(title="Budget", body=paragraphs(10))

    statuses = {
        row.locale.language_code: row.status for row in DraftStatus.objects.filter(page=page)
    }
    assert statuses["uk"] == DraftStatus.PAUSED_BUDGET
    assert statuses["pl"] == DraftStatus.MADE and statuses["en"] == DraftStatus.MADE
    assert usage.used_by_language_this_month(locales["uk"]) <= 300
    assert usage.used_by_language_this_month(locales["pl"]) > 300
    # The backfill goes on with the other languages of the same engine.
    settings.TRANSLATION_AUTO_DRAFTS = False
    make_page(title="Mer", body=paragraphs(10, prefix="Mer"))
    out = backfill("--locale", "uk", "--locale", "pl")
    assert "Stopped uk:" in out and "Stopped DeepL" not in out
    assert DraftStatus.objects.filter(locale=locales["pl"], status=DraftStatus.MADE).count() == 2
    assert not DraftStatus.objects.filter(locale=locales["uk"], status=DraftStatus.MADE).exists()
    # Raised: it continues.
    LanguageSettings.objects.filter(locale=locales["uk"]).update(monthly_character_budget=None)
    assert "Done." in backfill("--locale", "uk")


@pytest.mark.django_db
def test_the_dry_run_prints_the_estimate_and_sends_nothing(deepl, make_page, settings):
    settings.TRANSLATION_AUTO_DRAFTS = False
    settings.DEEPL_PRICE_PER_1000_CHARACTERS = Decimal("20")
    make_page(title="Torr", body=paragraphs(5))
    expected = by_code(estimates.estimate(estimates.backfill_work(["uk"])))["uk"].characters

    out = backfill("--dry-run", "--locale", "uk")

    assert not deepl.translate_requests()
    assert f"uk: 1 pages; DeepL {expected} characters" in out
    assert "agency words: new " in out and "(no price)" in out
    assert f"DeepL total: {expected} characters" in out


@pytest.mark.django_db
def test_the_estimate_page_is_for_coordinators(
    deepl, make_page, client, django_user_model, settings
):
    settings.TRANSLATION_AUTO_DRAFTS = False
    page = make_page(title="Sida", body=paragraphs(2))
    url = reverse("translation_estimate")
    editor = django_user_model.objects.create_user("redaktor", "r@example.invalid", "pw")
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)

    boss = django_user_model.objects.create_superuser("chef", "c@example.invalid", "pw")
    client.force_login(boss)
    html = client.get(url, {"estimate": "1", "locales": ["uk"], "page": page.pk}).content.decode()
    assert 'data-language="uk"' in html and 'data-language="pl"' not in html
    bad = client.get(url, {"estimate": "1", "page": "abc", "locales": ["xx"]})
    assert bad.status_code == 200
    body = bad.content.decode()
    assert "data-language" not in body and "error" in body
    missing = client.get(url, {"estimate": "1", "page": 999999}).content.decode()
    assert "Ingen publicerad sida på källspråket har det id:t." in missing


@pytest.mark.django_db
def test_an_azure_language_budget_pauses_somali_and_tigrinya_goes_on(azure, make_page, locales):
    LanguageSettings.objects.update_or_create(
        locale=locales["so"],
        defaults={"engine": "azure", "review_only": True, "monthly_character_budget": 0},
    )
    page = make_page(title="Somaliska", body=paragraphs(3))

    statuses = {
        row.locale.language_code: row.status for row in DraftStatus.objects.filter(page=page)
    }
    assert statuses["so"] == DraftStatus.PAUSED_BUDGET
    assert statuses["ti"] == DraftStatus.MADE
    assert not [r for r in azure.translate_requests() if r["to"] == ["so"]]
    assert [r for r in azure.translate_requests() if r["to"] == ["ti"]]


def test_a_price_that_is_not_a_number_is_refused_by_name(monkeypatch):

    monkeypatch.setenv("DEEPL_PRICE_PER_1000_CHARACTERS", "0,20")
    with pytest.raises(ImproperlyConfigured, match="DEEPL_PRICE_PER_1000_CHARACTERS"):
        Environment(environ.Env())
    monkeypatch.setenv("DEEPL_PRICE_PER_1000_CHARACTERS", "0.20")
    monkeypatch.delenv("AZURE_TRANSLATOR_PRICE_PER_1000_CHARACTERS", raising=False)
    env = Environment(environ.Env())
    assert Decimal("0.20") == env.DEEPL_PRICE_PER_1000_CHARACTERS
    assert env.AZURE_TRANSLATOR_PRICE_PER_1000_CHARACTERS is None
