"""The review queue as a translator works through it in a journey.

The queue's overview shows the longest-waiting pages of each state (``OVERVIEW_PER_STATE``);
a page drafted a moment ago waits shortest, so the translator finds it in its state's own
list, opened from the state's count at the top of the queue.
"""

from django.urls import reverse


def open_state(session, state: str) -> None:
    """The list of ``state``, reached as a person does: the queue, then the state's count."""
    session.goto(reverse("review:queue"))
    session.page.locator(f"a[data-state='{state}']").click()
    session.page.wait_for_load_state("networkidle")


def row(session, page, code: str, state: str):
    """The row of ``page`` in ``code`` in the open list of ``state``."""
    return session.page.locator(f"#state-{state} tr[data-page='{page.pk}'][data-locale='{code}']")


def state_row(session, page, code: str, state: str):
    """The row of ``page`` in ``code`` in the list of ``state``, opened from the queue."""
    open_state(session, state)
    return row(session, page, code, state)


def listed_row(session, page, code: str):
    """The row of ``page`` in ``code`` in the list of whatever state the queue has it in
    now (its stored state, brought up to date by opening the queue)."""
    from review.models import PageLanguageState

    session.goto(reverse("review:queue"))
    state = PageLanguageState.objects.get(source_page=page, locale__language_code=code).state
    return state_row(session, page, code, state)
