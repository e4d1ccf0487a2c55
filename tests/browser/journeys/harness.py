"""A person's session in the browser, watched: console errors, failed requests, sideways scroll.

A ``Journey`` is one role, in one interface language, at one window width. Every request the
page makes is watched from the first step: a console error, a response of 400 or more that
the journey did not announce (``expect``), a request that failed, or a page wider than the
window fails the journey at ``finish()``, with every problem found listed, not only the
first. Each ``step()`` saves a full-page screenshot to
``test-artifacts/journeys/<role>/<step>-<lang>-<width>.png`` for a person to look at.
"""

import re
from pathlib import Path

from django.conf import settings

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts" / "journeys"
PHONE = 390
DESKTOP = 1280
HEIGHTS = {PHONE: 844, DESKTOP: 900}


def login(journey, username: str, password: str | None = None) -> None:
    """Through Wagtail's login form, as a person does (the demo password by default)."""
    page = journey.page
    journey.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password or f"{username}-demo")
    page.locator("form button[type=submit], form input[type=submit]").first.click()
    page.wait_for_url(re.compile(r".*/admin/(?!login).*"))
    page.wait_for_load_state("networkidle")


class Journey:
    def __init__(self, browser, base_url: str, role: str, lang: str, width: int):
        self.base_url = base_url
        self.role, self.lang, self.width = role, lang, width
        self.context = browser.new_context(
            viewport={"width": width, "height": HEIGHTS.get(width, 900)},
            accept_downloads=True,
        )
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.problems: list[str] = []
        self.expected: list[tuple[re.Pattern, int]] = []
        self.shots: list[Path] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self._problem(f"script error: {error}"))
        self.page.on("response", self._response)
        self.page.on("requestfailed", self._failed)

    # Watching -------------------------------------------------------------------------------

    def _problem(self, text: str) -> None:
        where = self.page.url.removeprefix(self.base_url) if self.page else ""
        self.problems.append(f"[{where}] {text}")

    def _console(self, message) -> None:
        if message.type != "error":
            return
        # The browser logs every 4xx/5xx response as a console error too; the response
        # handler decides whether that status was expected.
        if "Failed to load resource: the server responded with a status of" in message.text:
            return
        self._problem(f"console error: {message.text}")

    def _response(self, response) -> None:
        if response.status < 400:
            return
        path = response.url.removeprefix(self.base_url)
        for pattern, status in self.expected:
            if status == response.status and pattern.search(path):
                return
        self._problem(f"{response.status} from {response.request.method} {path}")

    def _failed(self, request) -> None:
        failure = request.failure or ""
        # A navigation that replaces a page cancels the requests still running on it, and a
        # download is "aborted" as a page load: neither is a broken request.
        if "ERR_ABORTED" in failure:
            return
        self._problem(f"request failed: {request.method} {request.url} ({failure})")

    def expect(self, path_pattern: str, status: int) -> None:
        """Announce a 4xx the journey provokes on purpose (a 404 page, a refused action)."""
        self.expected.append((re.compile(path_pattern), status))

    # Acting ---------------------------------------------------------------------------------

    def goto(self, path: str):
        response = self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("networkidle")
        return response

    def overflow(self) -> int:
        """How many pixels the document is wider than the window (0: no sideways scroll)."""
        return self.page.evaluate(
            "Math.max(0, document.documentElement.scrollWidth - window.innerWidth)"
        )

    def step(self, name: str, *, full_page: bool = True) -> Path:
        """Check the page as it is now and keep a screenshot of it."""
        self.page.wait_for_load_state("networkidle")
        self.page.evaluate("document.fonts.ready.then(() => true)")
        extra = self.overflow()
        if extra:
            widest = self.page.evaluate(
                """() => {
                    const width = window.innerWidth;
                    return [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > width + 1)
                      .slice(0, 3)
                      .map(e => e.tagName.toLowerCase() + (e.className ? '.' +
                           String(e.className).split(' ').join('.') : ''));
                }"""
            )
            self._problem(f"step {name}: {extra}px wider than the window {widest}")
        folder = ARTIFACTS / self.role
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}-{self.lang}-{self.width}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        self.shots.append(path)
        return path

    def finish(self) -> None:
        self.context.close()
        assert not self.problems, f"{self.role} ({self.lang}, {self.width}px):\n" + "\n".join(
            self.problems
        )
