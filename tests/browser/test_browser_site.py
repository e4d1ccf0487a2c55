"""The public site in a real browser: axe, cookies, requests, weight, keyboard, scripts.

Every live page of the demo in sv, en, ar and ti is visited, so that page types added later
are covered without changing this file. Screenshots of each page type in sv, ar and ti go
to test-artifacts/screenshots/ for a person to look at.
"""

from collections import defaultdict
from urllib.parse import urlsplit

from wagtail.models import Page

import pytest

AUDITED_LANGUAGES = ["sv", "en", "ar", "ti"]
SCREENSHOT_LANGUAGES = {"sv", "ar", "ti"}
RTL = {"ar", "fa"}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_BUDGET = 200 * 1024

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def audited_pages():
    """(language, page type, path) for every live page in the audited languages."""
    pages = (
        Page.objects.live()
        .filter(depth__gt=1, locale__language_code__in=AUDITED_LANGUAGES)
        .select_related("locale")
        .specific()
        .order_by("path")
    )
    result = []
    for page in pages:
        url = page.get_url()
        if url:
            kind = page.specific_class._meta.label_lower
            if page.alias_of_id:
                kind += "-alias"
            result.append((page.locale.language_code, kind, url))
    result += [(code, "404", f"/{code}/sidan-finns-inte/") for code in AUDITED_LANGUAGES]
    return result


def run_axe(page, axe_source):
    # evaluate() runs in the page through the DevTools protocol, which the site's
    # Content-Security-Policy does not block (a <script> tag would be).
    page.evaluate(axe_source)
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
            }));
        }""",
        WCAG_TAGS,
    )


def visit(browser, url, viewport=None):
    """A first visit in a fresh context; returns page, context, requests, console errors."""
    visited = opened(browser, url, viewport)
    settle(visited[0])
    return visited


def opened(browser, url, viewport=None):
    """A first visit started in a fresh context (``visit``'s values): the page goes on
    loading while the caller starts others, and ``settle`` waits for it."""
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(url, wait_until="commit")
    return page, context, response, requests, errors


def settle(page):
    """Until the page has loaded, made no request for half a second, and its fonts are in."""
    page.wait_for_load_state("load")
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")


# Pages of the sweep loading at once: each waits half a second of network silence before it
# is audited, and these waits overlap (the sweep audits every live page of four languages).
LOADING_AT_ONCE = 3


def test_every_page_is_accessible_local_cookieless_and_light(
    demo_site, live_server, browser, axe_source, screenshots
):
    server = urlsplit(live_server.url).netloc
    problems = []
    shot_taken = set()
    pages = audited_pages()
    kinds = {kind for _code, kind, _url in pages}
    assert {"home.homepage", "home.homepage-alias", "404"} <= kinds

    def audit(page, context, response, requests, errors, code, kind, path):
        where = f"{path} ({kind})"
        try:
            settle(page)
            expected = 404 if kind == "404" else 200
            if response.status != expected:
                problems.append(f"{where}: status {response.status}")
            html = page.locator("html")
            if html.get_attribute("lang") != code:
                problems.append(f"{where}: lang={html.get_attribute('lang')!r}")
            if html.get_attribute("dir") != ("rtl" if code in RTL else "ltr"):
                problems.append(f"{where}: dir={html.get_attribute('dir')!r}")
            foreign = sorted(
                {r.url for r in requests if not r.url.startswith("data:")}
                - {r.url for r in requests if urlsplit(r.url).netloc == server}
            )
            if foreign:
                problems.append(f"{where}: requests to other hosts {foreign}")
            if context.cookies():
                problems.append(f"{where}: cookies set {context.cookies()}")
            if kind == "404":
                # The browser reports the page's own 404 status as a console error.
                errors = [e for e in errors if "status of 404" not in e]
            if errors:
                problems.append(f"{where}: console errors {errors}")
            sizes = {r.url: len(r.response().body()) for r in requests if r.response()}
            weight = sum(sizes.values())
            if weight >= PAGE_BUDGET:
                heaviest = sorted(sizes.items(), key=lambda item: -item[1])[:6]
                problems.append(f"{where}: first visit weighs {weight} bytes: {heaviest}")
            levels = page.evaluate(
                "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]"
                ".filter(h => h.offsetParent !== null).map(h => Number(h.tagName[1]))"
            )
            if levels.count(1) != 1 or levels[:1] != [1]:
                problems.append(f"{where}: headings {levels} need exactly one h1, first")
            skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
            if skips:
                problems.append(f"{where}: heading levels skipped {skips} in {levels}")
            for violation in run_axe(page, axe_source):
                problems.append(f"{where}: axe {violation}")
            if code in SCREENSHOT_LANGUAGES and (code, kind) not in shot_taken:
                page.set_viewport_size({"width": 390, "height": 844})
                page.screenshot(path=screenshots / f"{code}-{kind}.png", full_page=True)
                shot_taken.add((code, kind))
        finally:
            context.close()

    for start in range(0, len(pages), LOADING_AT_ONCE):
        batch = pages[start : start + LOADING_AT_ONCE]
        visits = [(*item, *opened(browser, live_server.url + item[2])) for item in batch]
        for code, kind, path, page, context, response, requests, errors in visits:
            audit(page, context, response, requests, errors, code, kind, path)
    assert not problems, "\n".join(problems)


def test_skip_link_moves_keyboard_focus_to_the_main_content(demo_site, live_server, browser):
    for path in ["/sv/", "/ar/", "/ti/sidan-finns-inte/"]:
        page, context, *_ = visit(browser, live_server.url + path)
        try:
            page.keyboard.press("Tab")
            skip = page.locator(".skip-link")
            assert page.evaluate("document.activeElement.className") == "skip-link", path
            box = skip.bounding_box()
            assert box is not None and box["y"] >= 0, f"{path}: skip link not visible on focus"
            page.keyboard.press("Enter")
            assert page.evaluate("document.activeElement.id") == "main", path
            # Focus is visible: the focused link draws an outline.
            page.keyboard.press("Tab")
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline not in ("", "none"), path
        finally:
            context.close()


def test_a_reader_moves_from_arabic_to_tigrinya_and_is_told_what_is_missing(
    demo_site, live_server, browser
):
    page, context, _response, requests, _errors = visit(
        browser, live_server.url + "/ar/", viewport={"width": 390, "height": 844}
    )
    try:
        assert page.locator("html").get_attribute("dir") == "rtl"
        # Right-to-left: the heading starts at the right edge of the phone's screen.
        heading = page.locator("h1").bounding_box()
        assert heading["x"] + heading["width"] > 390 - 40

        with page.expect_navigation():
            page.get_by_role("link", name="ትግርኛ").click()
        assert page.url.endswith("/ti/")
        assert page.locator("html").get_attribute("lang") == "ti"
        loaded = page.evaluate(
            "document.fonts.ready.then(() => [...document.fonts]"
            ".filter(f => f.status === 'loaded').map(f => f.family.replace(/[\"']/g, '')))"
        )
        assert "Noto Sans Ethiopic" in loaded
        assert any("ethiopic" in r.url for r in requests)

        # A page without a Somali translation (only a Swedish alias): the Somali link goes
        # to the Somali home page and says so in Somali.
        page.goto(live_server.url + "/sv/om-oss/")
        somali = page.locator('.language-switcher a[hreflang="so"]')
        assert somali.inner_text().strip() == "Soomaali (bogga hore)"
        with page.expect_navigation():
            somali.click()
        assert page.url.endswith("/so/")
        english = page.goto(live_server.url + "/sv/om-oss/")
        assert english.ok
        page.locator('.language-switcher a[hreflang="en"]').click()
        page.wait_for_url("**/en/om-oss/")
    finally:
        context.close()


def test_fonts_are_downloaded_only_for_the_scripts_a_page_uses(demo_site, live_server, browser):
    fonts = defaultdict(set)
    for code in ["sv", "ar", "ti", "pl"]:
        page, context, _response, requests, _errors = visit(browser, f"{live_server.url}/{code}/")
        fonts[code] = {r.url.rsplit("/", 1)[-1] for r in requests if r.url.endswith(".woff2")}
        context.close()
    assert not any("arabic" in f or "ethiopic" in f for f in fonts["sv"]), fonts["sv"]
    assert any("arabic" in f for f in fonts["ar"]), fonts["ar"]
    assert not any("ethiopic" in f for f in fonts["ar"]), fonts["ar"]
    assert any("ethiopic" in f for f in fonts["ti"]), fonts["ti"]
    assert not any("arabic" in f for f in fonts["ti"]), fonts["ti"]
    assert any("latin-ext" in f for f in fonts["pl"]), fonts["pl"]


LAYOUT_SHIFT_LANGUAGES = ["sv", "ar", "ti"]
PHONE_VIEWPORT = {"width": 390, "height": 844}
MAX_LAYOUT_SHIFT = 0.05
# Sums the layout shifts that the Layout Instability API reports, as Lighthouse does (no
# input happens in these tests, so every shift counts).
OBSERVE_LAYOUT_SHIFTS = """
window.__layoutShift = 0;
window.__shiftSources = [];
new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
        window.__layoutShift += entry.value;
        if (entry.value < 0.01) continue;
        for (const source of entry.sources) {
            const node = source.node;
            const name = node && node.nodeName ? `${node.nodeName}.${node.className || ""}` : "?";
            window.__shiftSources.push(
                `${entry.value.toFixed(3)} at ${Math.round(entry.startTime)} ms: ${name} `
                + `y ${Math.round(source.previousRect.y)} -> ${Math.round(source.currentRect.y)}`
            );
        }
    }
}).observe({type: "layout-shift", buffered: true});
"""


def layout_shift(browser, url, *, hold_fonts):
    """Cumulative layout shift of a first visit on a phone.

    With ``hold_fonts`` the web fonts are answered only after the first contentful paint,
    the worst case of a slow connection: the text is first drawn in the fallback faces and
    then swapped.
    """
    context = browser.new_context(viewport=PHONE_VIEWPORT, is_mobile=True)
    page = context.new_page()
    held = []
    if hold_fonts:
        page.route("**/*.woff2", lambda route: held.append(route))
    page.add_init_script(OBSERVE_LAYOUT_SHIFTS)
    page.goto(url, wait_until="commit")
    for _ in range(100):
        if page.evaluate("performance.getEntriesByName('first-contentful-paint').length"):
            break
        page.wait_for_timeout(20)
    page.wait_for_timeout(200)
    for route in held:
        route.continue_()
    page.unroute("**/*.woff2")
    # Loaded (images and styles in) and every font in: what could still move the layout.
    # Not ``networkidle``: its half second of silence, twice for each of some 40 pages, was
    # the longest part of this test, and no request after these changes what is on screen.
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_timeout(200)
    shift = page.evaluate("window.__layoutShift")
    # What moved, for the failure message: the cause of a shift seen only on a loaded CI
    # machine cannot be found again afterwards.
    sources = page.evaluate("window.__shiftSources")
    context.close()
    return shift, len(held), sources


def measured_shift(browser, url, *, hold_fonts):
    """``layout_shift``, measured once more when over the limit, with what moved.

    On the 2-core CI machine the other test worker's browser can stall this renderer mid-page:
    ``/ti/strategi/uppfoljning/`` once measured 0.26 there and about 0.0001 on every run
    here, throttled or not. A page over the limit twice is a real shift; the sources of both
    measurements go into the failure message.
    """
    shift, count, sources = layout_shift(browser, url, hold_fonts=hold_fonts)
    if shift < MAX_LAYOUT_SHIFT:
        return shift, count, []
    again, count, sources_again = layout_shift(browser, url, hold_fonts=hold_fonts)
    return again, count, [f"first {shift:.3f}", *sources, f"again {again:.3f}", *sources_again]


def test_pages_do_not_shift_while_they_load(demo_site, live_server, browser):
    """Every page type in sv, ar and ti: CLS < 0.05 on a first visit, fonts as they come.

    When the fonts arrive after the first paint, the Latin and Arabic fallback faces (local
    fonts scaled to Noto's widths) keep the lines where they were. Ethiopic has no local
    stand-in on a system without an Ethiopic font: its text is drawn as empty boxes first,
    and what must not move is the layout around it (the switcher's own "ትግርኛ" keeps one
    width: /ti/ shifted 0.12 with the fonts held back before it did).
    """
    seen, shifts, held_fonts, moved = set(), {}, {}, {}
    for code, kind, path in audited_pages():
        if code not in LAYOUT_SHIFT_LANGUAGES or kind == "404" or (code, kind) in seen:
            continue
        seen.add((code, kind))
        url = live_server.url + path
        shifts[path], _, moved[path] = measured_shift(browser, url, hold_fonts=False)
        held_fonts[path], count, moved[path, "held"] = measured_shift(browser, url, hold_fonts=True)
        assert count, f"{path}: no web font was requested"
    assert len(shifts) >= 12, shifts
    assert {path: s for path, s in shifts.items() if s >= MAX_LAYOUT_SHIFT} == {}, moved
    # With the fonts held back too (Arabic pages shifted 0.13 until the phone menu became a
    # grid: a label a few pixels wider in Noto Sans moved the next items to another row).
    assert {path: s for path, s in held_fonts.items() if s >= MAX_LAYOUT_SHIFT} == {}, moved
