"""The follow-up's charts on a 360 px phone: nothing overflows, and Arabic reads right to left.

Text widths depend on the fonts the browser really uses (Arabic, Ethiopic), so only a
browser can tell whether the labels computed on the server fit.
"""

import pytest

from .test_browser_site import visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 360, "height": 800}


def test_follow_up_charts_fit_a_small_phone_and_mirror_in_arabic(demo_site, live_server, browser):
    for code in ("sv", "ar", "ti"):
        page, context, response, _requests, _errors = visit(
            browser, f"{live_server.url}/{code}/strategi/uppfoljning/", viewport=PHONE
        )
        try:
            assert response.status == 200, code
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], code
            edges = page.evaluate(
                """[...document.querySelectorAll('svg.chart text')].map(t => {
                    const box = t.getBoundingClientRect();
                    return [box.left, box.right];
                })"""
            )
            assert edges, code
            assert all(left >= 0 and right <= PHONE["width"] for left, right in edges), code
            # The first bar chart's years: oldest on the left, or on the right in Arabic.
            years = page.evaluate(
                """[...document.querySelector('svg.chart').querySelectorAll('text')]
                    .filter(t => /^\\d{4}$/.test(t.textContent))
                    .map(t => [Number(t.textContent), t.getBoundingClientRect().left])"""
            )
            years.sort()
            lefts = [left for _year, left in years]
            assert len(lefts) > 1, code
            assert lefts == sorted(lefts, reverse=(code == "ar")), (code, years)
        finally:
            context.close()
