"""The demo on a 390 px phone (issue 18, part 6): no sideways scrolling, labels that do not
break inside a word, table captions that wrap inside the visible part of their table, charts
that show the series their tables have, and a follow-up page of reasonable length.

The length bound: with its table folded behind <details>, an indicator is its heading, a
sentence of explanation, the one-line summary, one chart scaled to the phone and the CSV
link, about three quarters of a phone screen (844 px). An indicator averaged 1,027 px with
its table open (the page was 14,261 px); the bound is 800 px on average, and the whole page
under 12,000 px for the demo's twelve indicators (the coverage indicator alone has a small
chart for each of eight languages).
"""

import pytest

from .test_browser_site import visit

pytestmark = [pytest.mark.browser]

PHONE = {"width": 390, "height": 844}
MAX_AVERAGE_INDICATOR = 800
MAX_FOLLOW_UP = 12_000

WORDS_ON_ONE_LINE = """(selector) => [...document.querySelectorAll(selector)].flatMap(element => {
    const text = element.firstChild;
    const words = [];
    let at = 0;
    for (const word of text.data.split(' ')) {
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + word.length);
        // One box per word: a word broken over two lines has two.
        words.push([word, range.getClientRects().length]);
        at += word.length + 1;
    }
    return words;
})"""


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_follow_up_on_a_phone(demo_site, live_server, browser, screenshots):
    for code in ("sv", "ar", "ti"):
        page, context, response, _requests, errors = visit(
            browser, f"{live_server.url}/{code}/strategi/uppfoljning/", viewport=PHONE
        )
        try:
            assert response.status == 200, code
            assert not errors, (code, errors)
            assert no_sideways_scroll(page), code
            heights = page.evaluate(
                "[...document.querySelectorAll('.indicator')]"
                ".map(s => s.getBoundingClientRect().height)"
            )
            total = page.evaluate("document.documentElement.scrollHeight")
            assert sum(heights) / len(heights) < MAX_AVERAGE_INDICATOR, (code, heights)
            assert total < MAX_FOLLOW_UP, (code, total)
            page.screenshot(path=str(screenshots / f"follow-up-{code}-390.png"), full_page=True)

            # Every table opens; its caption wraps inside the phone, also scrolled sideways.
            summaries = page.locator(".figures-details > summary")
            assert summaries.count() == len(heights) - page.locator(".no-figures").count()
            for index in range(summaries.count()):
                summaries.nth(index).click()
            assert no_sideways_scroll(page), code
            captions = page.evaluate(
                """[...document.querySelectorAll('table.figures caption > span')].map(c => {
                    const region = c.closest('.table-scroll');
                    const before = c.getBoundingClientRect();
                    const rtl = getComputedStyle(region).direction == 'rtl';
                    region.scrollLeft = region.scrollWidth * (rtl ? -1 : 1);
                    const after = c.getBoundingClientRect();
                    return [c.textContent, before.left, before.right, after.left, after.right];
                })"""
            )
            assert captions, code
            for text, *edges in captions:
                assert all(0 <= edge <= PHONE["width"] for edge in edges), (code, text, edges)
        finally:
            context.close()


def test_charts_show_every_series_of_their_table(demo_site, live_server, browser, screenshots):
    page, context, _response, _requests, _errors = visit(
        browser, f"{live_server.url}/sv/strategi/uppfoljning/", viewport=PHONE
    )
    try:
        indicators = page.evaluate(
            """[...document.querySelectorAll('.indicator')].filter(s => s.querySelector('table'))
                .map(s => ({
                    name: s.querySelector('h3').textContent,
                    charts: s.querySelectorAll('svg.chart').length,
                    legend: s.querySelectorAll('.legend li').length,
                    columns: [...s.querySelectorAll('thead th')].slice(1)
                        .filter(th => th.textContent != 'Totalt').length,
                }))"""
        )
        assert any(item["columns"] > 3 for item in indicators), indicators
        for item in indicators:
            # One chart for the whole table: as many series in the legend as columns (a
            # single series has no legend); or one small chart per column.
            if item["charts"] == 1:
                assert max(item["legend"], 1) == item["columns"], item
            else:
                assert item["charts"] == item["columns"], item
    finally:
        context.close()


def test_labels_do_not_break_inside_a_word_on_a_phone(demo_site, live_server, browser):
    page, context, _response, _requests, _errors = visit(
        browser, f"{live_server.url}/sv/mojligheter/ungdomsutbyte-italien/", viewport=PHONE
    )
    try:
        assert no_sideways_scroll(page)
        words = page.evaluate(WORDS_ON_ONE_LINE, ".facts dt")
        assert ["ansökningsdag", 1] in words, words
        assert all(boxes == 1 for _word, boxes in words), words
    finally:
        context.close()
