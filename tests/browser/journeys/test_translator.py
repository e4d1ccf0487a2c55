"""The Arabic and the Tigrinya translator: every page type and snippet, then one page to the end.

The translator logs in, opens wagtail-localize's editor on a draft of every page type and
every translatable snippet of the portal (news items with their image, opportunities and
projects with their programme, the follow-up with its indicators...), and corrects a
string in each: the editor must show the page, not a blank screen. Then, on a news item,
they correct the title, approve in the queue, publish from the editor and read the page
as an anonymous reader would. Last, the communicator changes the Swedish title the Arabic
translator corrected: the translator's text is carried forward, and the queue and the
coverage report count the translation as stale. And where the machine changed a fact of an
opportunity (a date, an amount), the translator finds it in the queue, sees in the editor
why the page cannot be published, overrides the finding with a reason and publishes.
"""

import re

from django.conf import settings
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

import pytest
from playwright.sync_api import Error as PlaywrightError

from core.facts import has_facts
from devtools.builders import publish_human_translation
from international.models import NewsPage, OpportunityPage, StrategyAreaPage

from . import coverage, editor, queue, sites
from .harness import DESKTOP, PHONE, login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.journey,
    pytest.mark.django_db(serialized_rollback=True),
]

LANGUAGES = ["ar", "ti"]
CORRECTION = {"ar": "تصحيح المترجم", "ti": "ዝተኣረመ ብተርጓሚ"}


def build_site():
    pages = sites.one_of_each_page_type()
    # Four news items more, each taken to the end by one run of the publish journey.
    # At a desktop width the translator takes a news item with its image to the end; on a
    # phone, a strategy area (text only). Each run has its own page.
    news = list(
        NewsPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .live()
        .exclude(pk=pages["international.newspage"].pk)
        .exclude(image=None)
        .order_by("path")[:3]
    )
    areas = list(
        StrategyAreaPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .live()
        .exclude(pk=pages["international.strategyareapage"].pk)
        .order_by("path")[:2]
    )
    # By (language, width): ar-1280, ar-390, ti-1280, ti-390.
    news, stale = [news[0], areas[0], news[1], areas[1]], news[2]
    sites.drafts([*pages.values(), *news], LANGUAGES)
    snippets = sites.snippet_translations(LANGUAGES)
    # The news index is published in both languages, as the translators would have done.
    index = pages["international.newsindexpage"]
    for code, title in [("ar", "الأخبار"), ("ti", "ዜና")]:
        publish_human_translation(
            index, Locale.objects.get(language_code=code), {index.title: title}
        )
    # Published in Arabic, its title written by the translator: the stale journey's page.
    publish_human_translation(stale, Locale.objects.get(language_code="ar"), {stale.title: "خبر"})
    return {
        "reports": reader_reports(pages["international.newspage"]),
        "pages": pages,
        "news": news,
        "snippets": snippets,
        "stale": stale,
        "facts": changed_facts(exclude=[p.pk for p in pages.values()]),
    }


def change_a_number(page, code) -> bool:
    """Draft ``page`` in ``code`` and move on by one the first digit of a string with facts."""
    sites.drafts([page], [code])
    target = target_of(page, code)
    strings = StringTranslation.objects.filter(
        locale=target.locale, context__object_id=target.translation_key
    ).select_related("translation_of")
    for string in strings.order_by("context__path"):
        digits = re.search(r"[0-9]", string.data)
        if digits and has_facts(string.translation_of.data):
            changed = str((int(digits[0]) + 1) % 10)
            string.data = string.data[: digits.start()] + changed + string.data[digits.end() :]
            string.save()
            return True
    return False


# The facts journey: Arabic on a desktop, Tigrinya on a phone, each with its own opportunity.
FACTS = [("ar", DESKTOP), ("ti", PHONE)]


def changed_facts(exclude) -> dict:
    """An opportunity per language whose machine draft has one number changed (a digit
    moved on by one, as a machine slip would), recorded by the facts guard on save."""
    opportunities = (
        OpportunityPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .live()
        .exclude(pk__in=exclude)
        .order_by("path")
    )
    found = {}
    candidates = iter(opportunities)
    for code, _width in FACTS:
        for page in candidates:
            if change_a_number(page, code):
                found[code] = page
                break
        assert code in found, f"no opportunity with a number to change in {code}"
    return found


def reader_reports(page) -> dict[str, list[str]]:
    """More open reader reports on ``page`` in each language than a page of the queue holds,
    oldest first: {language: their problems}."""
    from review.models import ReaderReport
    from review.views import PER_PAGE

    problems = {}
    for code in LANGUAGES:
        target = target_of(page, code)
        problems[code] = [f"Rapport {number} ({code})" for number in range(PER_PAGE + 1)]
        ReaderReport.objects.bulk_create(
            ReaderReport(
                page=target, locale=target.locale, part=ReaderReport.Part.BODY, problem=problem
            )
            for problem in problems[code]
        )
    return problems


def target_of(page, code):
    return page.get_translation(Locale.objects.get(language_code=code))


@pytest.mark.parametrize("code", LANGUAGES)
def test_translator_opens_every_page_type_and_snippet(journey, journey_site, code):
    """Every page type and translatable snippet opens in the editor, and a string saves."""
    session = journey(f"oversattare-{code}", code, DESKTOP)
    login(session, f"oversattare-{code}")
    targets = [(kind, target_of(page, code)) for kind, page in journey_site["pages"].items()]
    targets += [(kind, items[code]) for kind, items in journey_site["snippets"].items()]
    blank = []
    for kind, target in targets:
        url = sites.editor_url(target)
        session.goto(url)
        name = f"editor-{kind.replace('.', '-')}"
        try:
            editor.correct_first_string(session.page, f"{CORRECTION[code]} {kind}")
        except PlaywrightError as error:
            blank.append(f"{kind} ({url}): {str(error).splitlines()[0]}")
        session.step(name, full_page=False)
    session.problems += [f"the editor did not show or save a string: {item}" for item in blank]
    session.finish()


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("code", LANGUAGES)
def test_translator_corrects_approves_publishes_and_reads(journey, journey_site, code, width):
    """A news item with its image (a strategy area on a phone), from the queue to the reader."""
    news = journey_site["news"][LANGUAGES.index(code) * 2 + (width == PHONE)]
    target = target_of(news, code)
    session = journey(f"oversattare-{code}", code, width)
    login(session, f"oversattare-{code}")
    row = queue.listed_row(session, news, code)
    assert row.count() == 1, f"the queue does not list the {code} draft of {news.title!r}"
    session.step("queue")
    open_editor = row.locator(f"a[href='{sites.editor_url(target)}']")
    # On a phone too the row's actions are on the screen, not beyond a sideways scroll.
    box = open_editor.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (
        f"the queue's link to the editor is off the {width}px screen: {box}"
    )
    open_editor.click()
    title = f"{CORRECTION[code]} {width}"
    editor.correct_first_string(session.page, title)
    session.step("editor-corrected")

    approve = queue.listed_row(session, news, code).locator("form")
    if code == "ar":
        # Machine text in the rest of the page: the translator approves it as it reads.
        assert approve.count() == 1, "no Godkänn for the Arabic machine draft"
    if approve.count():
        approve.locator("button[type=submit]").click()
        session.page.wait_for_load_state("networkidle")
        session.step("queue-approved")

    session.goto(sites.editor_url(target))
    editor.publish(session.page)
    session.step("editor-published")
    errors = session.page.locator(".messages .error, .help-block.help-critical")
    assert errors.count() == 0, errors.all_inner_texts()
    target.refresh_from_db()
    assert target.live and target.title == title, (target.live, target.title)

    reader = journey(f"oversattare-{code}", code, width)
    reader.role = f"oversattare-{code}"
    reader.goto(target.get_url())
    assert reader.page.locator("h1").inner_text().strip() == title
    assert reader.page.locator("html").get_attribute("lang") == code
    reader.step("reader-sees-it")
    assert reader.context.cookies() == []
    reader.finish()
    session.finish()


def test_a_swedish_change_is_carried_forward_and_counted_stale(journey, journey_site):
    """The communicator changes a word of a title the Arabic translator wrote."""
    news = journey_site["stale"]
    target = target_of(news, "ar")
    communicator = journey("kommunikator", "sv", DESKTOP)
    login(communicator, "kommunikator")
    communicator.goto(reverse("wagtailadmin_pages:edit", args=[news.pk]))
    communicator.page.fill("input[name=title]", news.title + " i Nässjö")
    editor.publish_page(communicator.page)
    communicator.step("changed-swedish-title")
    communicator.finish()

    session = journey("oversattare-ar", "ar", DESKTOP)
    login(session, "oversattare-ar")
    session.goto(reverse("review:queue"))
    session.step("queue-after-swedish-change")
    stale = session.page.locator("a[data-state='stale'] strong").inner_text()
    row = session.page.locator(f"#state-stale tr[data-page='{news.pk}'][data-locale='ar']")
    problems = []
    if stale == "0" or row.count() != 1:
        problems.append(f"queue: Inaktuell: {stale}, the page is not listed as stale")
    session.goto(sites.editor_url(target))
    try:
        editor.segments(session.page)
    except PlaywrightError as error:
        problems.append(f"the editor shows no strings: {str(error).splitlines()[0]}")
    session.step("editor-carried-forward")
    footer = session.page.locator(".js-translation-editor").inner_text()
    if "Översatt med Den svenska texten har ändrats" in footer:
        problems.append("the editor says the carried text was translated with a tool")
    problems += session.problems
    session.problems = []
    session.finish()

    coordinator = journey("samordnare", "sv", DESKTOP)
    login(coordinator, "samordnare")
    coordinator.goto(reverse("followup_coverage"))
    coordinator.step("coverage-after-swedish-change")
    stale_ar = coverage.cell(coordinator.page, "ar", "Inaktuell")
    if stale_ar in ("", "0"):
        problems.append(f"coverage: Arabic stale count is {stale_ar!r}")
    coordinator.finish()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("code", "width"), FACTS)
def test_translator_meets_a_changed_fact_overrides_it_and_publishes(
    journey, journey_site, code, width
):
    """From the queue's facts filter to the findings page, an override and a publish."""
    page = journey_site["facts"][code]
    target = target_of(page, code)
    session = journey(f"oversattare-{code}", code, width)
    login(session, f"oversattare-{code}")
    session.goto(reverse("review:queue") + "?facts=1")
    row = session.page.locator(f"tr[data-page='{page.pk}'][data-locale='{code}']")
    assert row.count() == 1, f"the facts filter does not list the {code} draft of {page.title!r}"
    assert row.locator("[data-fact-errors]").count() == 1
    session.step("queue-facts")

    session.goto(sites.editor_url(target))
    editor.segments(session.page)
    # The Publish button is left out, and the page's messages say why, naming the fact.
    said = session.page.locator(".messages").inner_text()
    assert "faktakontrollen hittade avvikelser" in said, said
    publish_buttons = session.page.locator("button").filter(has_text=editor.PUBLISH_IN)
    assert publish_buttons.count() == 0, "the editor offers to publish a changed fact"
    session.step("editor-says-why")

    session.page.locator(".review-facts-notice a").click()
    session.page.wait_for_load_state("networkidle")
    finding = session.page.locator("li[data-severity='error']").first
    finding.locator("input[name=reason]").fill("Kontrollerat mot beslutet: talet stämmer.")
    session.step("findings")
    finding.get_by_role("button").click()
    session.page.wait_for_load_state("networkidle")
    assert session.page.locator("[data-overridden]").count() >= 1
    session.step("finding-overridden")

    approve = queue.listed_row(session, page, code).locator("form")
    if approve.count():  # the rest of the page is machine text, approved as it is read
        approve.locator("button[type=submit]").click()
        session.page.wait_for_load_state("networkidle")
    session.goto(sites.editor_url(target))
    editor.segments(session.page)
    assert session.page.locator(".review-facts-notice").count() == 0
    editor.publish(session.page)
    session.step("editor-published")
    target.refresh_from_db()
    assert target.live, "the overridden page did not go live"

    reader = journey(f"oversattare-{code}", code, width)
    reader.goto(target.get_url())
    assert reader.page.locator("html").get_attribute("lang") == code
    reader.step("reader-sees-it")
    assert reader.context.cookies() == []
    reader.finish()
    session.finish()


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("code", LANGUAGES)
def test_translator_finds_their_news_in_the_explorer(journey, journey_site, code, width):
    """The explorer lists their language's news from kept rows (core/explorer_rows.py): the
    second view serves them, and they work as Wagtail's do: the "…" menu opens, the title
    opens the page."""
    news = target_of(journey_site["pages"]["international.newspage"], code)
    index = news.get_parent()
    session = journey(f"oversattare-{code}", code, width)
    login(session, f"oversattare-{code}")
    for _view in range(2):
        session.goto(reverse("wagtailadmin_explore", args=[index.pk]))
    session.step("explorer")
    row = session.page.locator(f"tbody tr:has(#page_{news.pk}_title)")
    assert row.count() == 1, "the news item is not listed"
    toggle = row.locator("[data-w-dropdown-target=toggle], .w-dropdown__toggle").first
    if not toggle.is_visible():
        # On a phone the row's actions show once the row has the focus.
        row.locator(f"#page_{news.pk}_title").hover()
    toggle.click()
    menu = row.locator("[data-w-dropdown-target=content]").first
    menu.wait_for(state="visible")
    assert menu.get_by_role("link").count() > 0, "the row's menu offers nothing"
    # The menu fades in: the screenshot waits for it to be opaque.
    session.page.wait_for_function(
        "() => [...document.querySelectorAll('.tippy-box')].some("
        "box => getComputedStyle(box).opacity === '1')"
    )
    session.step("explorer-menu")
    session.page.keyboard.press("Escape")
    row.locator(f"a[href='{reverse('wagtailadmin_pages:edit', args=[news.pk])}']").first.click()
    session.page.wait_for_load_state("networkidle")
    assert f"/{news.pk}/" in session.page.url or "translations" in session.page.url
    session.step("explorer-opened")
    session.finish()


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("code", LANGUAGES)
def test_translator_pages_through_reader_reports_to_the_newest(journey, journey_site, code, width):
    """More open reports than a page holds (``build_site``): the overview shows the oldest,
    *Visa alla* lists them alone, and the newest is on the last page, reached by *Nästa
    sida*."""
    from review.models import ReaderReport
    from review.views import OVERVIEW_PER_STATE, PER_PAGE

    total = ReaderReport.objects.filter(locale__language_code=code, resolved_at=None).count()
    assert total > PER_PAGE
    session = journey(f"oversattare-{code}", code, width)
    login(session, f"oversattare-{code}")
    session.goto(reverse("review:queue"))
    reports = session.page.locator("#reader-reports tbody tr")
    assert reports.count() == OVERVIEW_PER_STATE
    session.page.locator("a[data-reports='all']").click()
    session.page.wait_for_load_state("networkidle")
    assert reports.count() == PER_PAGE
    assert session.page.locator("[id^=state-]").count() == 0, "the states are listed too"
    session.step("reports")
    session.page.locator("nav[data-review-pages='reports'] a[rel=next]").click()
    session.page.wait_for_load_state("networkidle")
    assert reports.count() == total - PER_PAGE
    newest = journey_site["reports"][code][-1]
    assert session.page.locator("#reader-reports").get_by_text(newest).count() == 1
    session.step("reports-last-page")
    session.finish()
