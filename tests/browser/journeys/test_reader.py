"""A reader, on a phone and on a desktop: languages, search, and a report of a bad translation.

The reader starts on the Swedish home page and moves with the language switcher from
Swedish to Arabic to Tigrinya, as a person who reads Tigrinya best might; in each language
they read the home page in full (menu, footer, goals, latest news), search for a news item
and, in a translated language, report a problem with its translation. The site is the demo
with one news item translated by people into Arabic and Tigrinya.
"""

from wagtail.models import Locale, Page

import pytest

from devtools.builders import publish_human_translation
from international.models import NewsIndexPage, NewsPage
from review.models import ReaderReport

from .harness import DESKTOP, PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.journey,
    pytest.mark.django_db(serialized_rollback=True),
]

RTL = {"ar", "fa"}
# What the reader types into the search box, and finds, in each language.
NEWS = {
    "sv": None,  # the Swedish title, read from the demo
    "ar": "تبادل الشباب مع برونديرسليف",
    "ti": "ምትሕውዋስ መንእሰያት ምስ ብሮንደርስለቭ",
}
SEARCH = {"ar": "برونديرسليف", "ti": "ብሮንደርስለቭ"}
NEWS_INDEX = {"ar": "الأخبار", "ti": "ዜና"}


def build_site():
    """One news item (and its index) translated into Arabic and Tigrinya by people."""
    news = NewsPage.objects.filter(locale__language_code="sv").live().order_by("path").first()
    index = NewsIndexPage.objects.get(locale__language_code="sv")
    titles = {"sv": news.title}
    for code in ["ar", "ti"]:
        locale = Locale.objects.get(language_code=code)
        publish_human_translation(index, locale, {index.title: NEWS_INDEX[code]})
        publish_human_translation(news, locale, {news.title: NEWS[code]})
        titles[code] = NEWS[code]
    return {"news": news, "titles": titles, "search": {"sv": news.title.split()[0], **SEARCH}}


def translated_swedish_urls(code: str) -> set[str]:
    """The URLs of the Swedish pages that have a live translation in ``code``."""
    keys = (
        Page.objects.live()
        .filter(locale__language_code=code, alias_of__isnull=True)
        .values_list("translation_key", flat=True)
    )
    return {
        page.url
        for page in Page.objects.live().filter(
            locale__language_code="sv", translation_key__in=list(keys)
        )
    }


def check_language(session, code: str) -> None:
    """The page is in ``code``, in its direction, and the switcher says so."""
    html = session.page.locator("html")
    assert html.get_attribute("lang") == code
    assert html.get_attribute("dir") == ("rtl" if code in RTL else "ltr")
    current = session.page.locator(".language-switcher a[aria-current='true']")
    assert current.get_attribute("hreflang") == code


def swedish_text_outside_swedish_marks(session) -> list[str]:
    """Menu, footer and section texts shown in Swedish without ``lang="sv"`` around them."""
    return session.page.evaluate(
        """() => {
            const swedish =
                /\\b(och|för|med|om|att|Nyheter|Kontakt|Öppettider|Startsida)\\b|[åäöÅÄÖ]/;
            const out = [];
            for (const el of document.querySelectorAll(
                    '.site-header nav:not(.language-switcher) a, footer *, main h2, main h3')) {
                if (el.children.length) continue;
                const text = el.textContent.trim();
                if (!text || !swedish.test(text)) continue;
                const marked = el.closest('[lang]');
                if (marked && marked.getAttribute('lang') === 'sv') continue;
                out.push(text.slice(0, 60));
            }
            return out;
        }"""
    )


def phone_drawn_left_to_right(session) -> bool:
    """Whether "0380" is drawn left of the number's last group, as in "0380-51 80 00"."""
    return session.page.evaluate(
        r"""() => {
            const walker = document.createTreeWalker(
                document.querySelector('footer'), NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const match = /0380-\d\d \d\d \d\d/.exec(node.data);
                if (!match) continue;
                const rect = (from, to) => {
                    const range = document.createRange();
                    range.setStart(node, match.index + from);
                    range.setEnd(node, match.index + to);
                    return range.getBoundingClientRect();
                };
                return rect(0, 4).left < rect(match[0].length - 2, match[0].length).left;
            }
            return true;
        }"""
    )


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_reader_moves_between_languages_with_the_switcher(journey, journey_site, width):
    session = journey("reader", "sv", width)
    session.goto("/sv/")
    check_language(session, "sv")
    session.step("home")
    problems = []
    for code in ["ar", "ti"]:
        session.lang = code
        link = session.page.locator(f".language-switcher a[hreflang='{code}']")
        link.click()
        session.page.wait_for_load_state("networkidle")
        check_language(session, code)
        assert session.page.url.endswith(f"/{code}/"), session.page.url
        # The menu leads to the pages of the reader's language wherever they exist; into
        # Swedish only where a page has no translation, and then says so (hreflang="sv",
        # the Swedish title marked lang="sv").
        links = session.page.locator(".site-header nav:not(.language-switcher) a").evaluate_all(
            """links => links.map(a => [a.getAttribute('href'), a.getAttribute('hreflang'),
                                        a.getAttribute('lang')])"""
        )
        translated = translated_swedish_urls(code)
        for href, hreflang, lang in links:
            if not href or not href.startswith("/sv/"):
                continue
            if href in translated:
                problems.append(f"{code}: the menu links into Swedish, not to its {href}")
            elif (hreflang, lang) != ("sv", "sv"):
                problems.append(f"{code}: {href} is Swedish, marked {hreflang=} {lang=}")
        untranslated = swedish_text_outside_swedish_marks(session)
        if untranslated:
            problems.append(f"{code}: Swedish text not marked lang=sv: {untranslated}")
        # The latest news of the language is on its home page.
        if not session.page.locator("main").get_by_text(journey_site["titles"][code]).count():
            problems.append(f"{code}: the home page does not show the latest news")
        if code in RTL and not phone_drawn_left_to_right(session):
            problems.append(f"{code}: the footer's phone number is drawn reversed")
        session.step("home")
    session.finish()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("code", ["sv", "ar", "ti"])
def test_reader_searches_and_reports_a_translation_problem(journey, journey_site, code, width):
    session = journey("reader", code, width)
    session.goto(f"/{code}/")
    # The search is reached from the menu, as a reader does on a phone.
    session.page.locator(".site-header").get_by_role("link", name=search_label(code)).click()
    session.page.wait_for_load_state("networkidle")
    session.page.locator("main input[type=search]").fill(journey_site["search"][code])
    session.page.locator("main input[type=search]").press("Enter")
    session.page.wait_for_load_state("networkidle")
    check_language(session, code)
    title = journey_site["titles"][code]
    hit = session.page.locator("main").get_by_role("link", name=title)
    assert hit.count() >= 1, f"searching in {code} did not find {title!r}"
    session.step("search")
    hit.first.click()
    session.page.wait_for_load_state("networkidle")
    check_language(session, code)
    assert session.page.locator("h1").inner_text().strip() == title
    session.step("news-item")
    report_link = session.page.locator(".translation-report-link a, .translation-notice a[rel]")
    if code == "sv":
        # Nothing to report on the original.
        assert report_link.count() == 0
        session.finish()
        return
    before = ReaderReport.objects.filter(locale__language_code=code).count()
    report_link.first.click()
    session.page.wait_for_load_state("networkidle")
    check_language(session, code)
    session.step("report-form")
    session.page.locator("input[name=part][value=title]").check()
    session.page.locator("textarea[name=problem]").fill(f"Fel ord i rubriken ({code}, {width})")
    session.page.locator("form.report-form button[type=submit]").click()
    session.page.wait_for_load_state("networkidle")
    check_language(session, code)
    session.step("report-sent")
    assert ReaderReport.objects.filter(locale__language_code=code).count() == before + 1
    # Still no cookie for an anonymous reader, after a form and a post.
    assert session.context.cookies() == []
    session.finish()


def search_label(code: str) -> str:
    from django.utils import translation

    with translation.override(code):
        return translation.gettext("Sök")
