"""Clicking through wagtail-localize's translation editor and Wagtail's page editor.

The editor is a React application: a string is a list item (``complete``, ``incomplete``
or ``errored``) with an *Edit* (*Redigera*) or *Translate* (*Översätt*) button that opens a
text area and a *Save* (*Spara*) button. Buttons are found by their Swedish or English
label, so the journeys hold whether or not upstream's labels are translated.
"""

import re

from playwright.sync_api import Error as PlaywrightError

EDIT = re.compile(r"^\s*(Redigera|Edit|Översätt|Translate)\s*$")
SAVE = re.compile(r"^\s*(Spara|Save)\s*$")
# No \\b after "på": in the browser's regular expressions "å" is not a word character.
PUBLISH_IN = re.compile(r"^\s*(Publicera på|Publish in)\s")
SLOW = 120_000
DRAWN = 5_000


def segments(page):
    """The editor's strings, once React has drawn them (a blank editor has none).

    The editor draws as soon as its requests are answered; a few seconds after the network
    is quiet it has drawn or it has failed (a blank editor is hidden), so the wait is short.
    """
    page.wait_for_load_state("networkidle")
    editor = page.locator(".js-translation-editor")
    editor.wait_for(timeout=DRAWN)
    strings = editor.locator("li.complete, li.incomplete, li.errored")
    strings.first.wait_for(timeout=DRAWN)
    return strings


def correct_first_string(page, text: str) -> None:
    """Open the first text string for editing, type ``text`` and save it."""
    strings = segments(page)
    strings.first.wait_for()
    # Pinned by position: once opened, the string no longer has an Edit button to match.
    at = strings.evaluate_all(
        """(items, pattern) => items.findIndex(li => [...li.querySelectorAll(':scope > ul button')]
            .some(b => new RegExp(pattern).test(b.textContent.trim())))""",
        EDIT.pattern,
    )
    assert at >= 0, "no string with an Edit or Translate button"
    editable = strings.nth(at)
    editable.get_by_role("button", name=EDIT).first.click()
    editable.locator("textarea").wait_for()
    editable.locator("textarea").fill(text)
    with page.expect_response(lambda r: r.request.method in ("PUT", "POST")) as saved:
        editable.get_by_role("button", name=SAVE).click()
    assert saved.value.ok, f"saving the string answered {saved.value.status}"
    # Saved: the string shows the text again, with its Edit button back.
    editable.get_by_text(text).wait_for()
    editable.get_by_role("button", name=EDIT).first.wait_for()


def publish(page) -> None:
    """The editor's *Publish in <language>*, the footer's main button or in its menu."""
    segments(page)
    button = page.get_by_role("button", name=PUBLISH_IN)
    toggle = page.locator("nav.footer__container [data-w-dropdown-target='toggle']").first
    _click_in_menu(page, button, toggle)


def publish_page(page) -> None:
    """Wagtail's page editor: the footer's *Publicera* (behind the *Spara utkast* menu)."""
    button = page.locator("footer button[name=action-publish]")
    toggle = (
        page.locator("footer [data-controller~='w-dropdown']")
        .filter(has=page.locator("button[name=action-publish]"))
        .first.locator("[data-w-dropdown-target='toggle']")
        .first
    )
    _click_in_menu(page, button, toggle)


def _click_in_menu(page, button, toggle) -> None:
    """Click ``button``, opening the footer's menu (``toggle``) first when it is inside it;
    then wait for the page the form leads to."""
    if not button.is_visible():
        toggle.click()
    try:
        button.wait_for(timeout=DRAWN)

        def click():
            # The click itself waits for the navigation it starts: as long as the publish.
            button.click(timeout=SLOW)
    except PlaywrightError:
        # The menu did not open under the pointer (seen on a loaded machine): the button's
        # own click event submits the form with it, as the opened menu would.
        def click():
            button.dispatch_event("click")

    # A Swedish publish makes the drafts in eight languages before it answers (tasks run
    # at once in tests), so it may take a while on a busy machine.
    with page.expect_navigation(timeout=SLOW):
        click()
    page.wait_for_load_state("networkidle")
