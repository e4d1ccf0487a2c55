"""The review queue's rows, rendered once per stored state of their pair (issue 24).

A row shows one (Swedish page, language) pair: the title, the Swedish LIX, what waits, the
Swedish changes of a stale translation, the fact findings and the actions. Computing it reads
the pair's strings (``review.states.review_items``), and a stale row diffs every Swedish
change: with fifty rows a state, most of the queue's time, and it grew with the rows shown.

A row is kept as HTML in the content cache (``core.content_cache.cached_many``: one round
trip for the whole page) under everything it shows:

- the stored row's ``updated_at`` and ``generation``: whatever a state depends on marks the
  pair dirty, and the refresh every reader runs first (``review.stored_states``) writes the
  row again, so a draft saved, a string approved or a Swedish change gives the row a new key;
- the content generation (any publish: the title and the LIX the row shows);
- the pair's open fact findings, whether the person may submit translations, the admin
  language and the release (``core.release.release``).

The open reader reports above the states are kept the same way, under the report (what a
reader wrote never changes, and a resolved report leaves the list) and the content
generation (the page's title).

Neither the CSRF token nor a reader's contact is kept: a row is rendered with placeholders,
which the request's token and the report's contact as read now replace when the row is
shown. A contact is erased after the retention period (``review.retention``); a kept copy
would outlive it.
"""

import hashlib

from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail.models import Page

from core.content_cache import cached_many
from core.release import release
from readability import queue as readability_queue

from .changed_strings import word_diff
from .models import ReaderReport
from .states import State, review_items, source_changes

TEMPLATE = "review/includes/queue_row.html"
REPORT_TEMPLATE = "review/includes/report_row.html"
# Rendered where the request's token goes; what is replaced is the whole hidden input, markup
# that no escaped page text can forge.
PLACEHOLDER = "portalqueuerowcsrftoken"
# Where a report's contact goes: markup, which no escaped text can forge.
CONTACT_PLACEHOLDER = mark_safe("<!--portal:report-contact-->")


def rendered_rows(request, groups, findings: dict) -> None:
    """Replace each shown page's stored rows (``views.shown_rows``, annotated with their
    Swedish page's ``translation_key``) by the rows' HTML: kept rows as they are, the others
    computed together (one ``review_items``) and kept."""
    may_submit = request.user.has_perm("wagtail_localize.submit_translation")
    stored = [row for _state, shown in groups for row in shown.object_list]
    shared = f"{release()}:{get_language()}:{int(may_submit)}"
    keys = {row.pk: row_key(shared, row, findings) for row in stored}
    by_key = {keys[row.pk]: row for row in stored}

    def compute(missing_keys):
        return render([by_key[key] for key in missing_keys], keys, findings, may_submit)

    html = cached_many("queue-row", list(by_key), compute)
    placeholder, token = _token_input(PLACEHOLDER), _token_input(get_token(request))
    for _state, shown in groups:
        shown.object_list = [
            mark_safe(html[keys[row.pk]].replace(placeholder, token))  # noqa: S308 - our own HTML
            for row in shown.object_list
            if html.get(keys[row.pk]) is not None
        ]


def rendered_reports(request, reports) -> list:
    """The rows of ``reports`` (a slice of the open reader reports, in order) as HTML: kept
    rows as they are, the others rendered together and kept."""
    shown = list(reports.values_list("pk", "contact"))
    shared = f"{release()}:{get_language()}"
    keys = {pk: f"{shared}:{pk}" for pk, _contact in shown}

    def compute(missing_keys):
        missing = set(missing_keys)
        return {
            keys[report.pk]: render_to_string(
                REPORT_TEMPLATE,
                {"report": report, "contact": CONTACT_PLACEHOLDER, "csrf_token": PLACEHOLDER},
            )
            for report in ReaderReport.objects.filter(
                pk__in=[pk for pk, key in keys.items() if key in missing]
            ).select_related("page", "locale")
        }

    html = cached_many("queue-report", list(keys.values()), compute)
    placeholder, token = _token_input(PLACEHOLDER), _token_input(get_token(request))
    return [
        mark_safe(  # noqa: S308 - our own HTML, the contact escaped
            html[keys[pk]].replace(placeholder, token).replace(CONTACT_PLACEHOLDER, escape(contact))
        )
        for pk, contact in shown
        if html.get(keys[pk]) is not None
    ]


def _token_input(token: str) -> str:
    """The hidden input ``{% csrf_token %}`` renders for ``token``."""
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)


def row_key(shared: str, row, findings: dict) -> str:
    """What the row shows, as a short key (the module docstring lists it); ``shared``: the
    release, the admin language and whether the person may submit translations."""
    errors, warnings = findings.get((str(row.translation_key), row.locale_id)) or (0, 0)
    named = (
        f"{shared}:{row.pk}:{row.updated_at.timestamp()}:{row.generation}:"
        f"{row.target_page_id}:{errors}:{warnings}"
    )
    return hashlib.sha256(named.encode()).hexdigest()[:32]


def render(rows, keys: dict, findings: dict, may_submit: bool) -> dict[str, str | None]:
    """{key: HTML} of ``rows``, computed now (``None``: the pair is gone)."""
    pairs = {(row.source_page_id, row.locale_id) for row in rows}
    computed = {
        (item.source_page.pk, item.locale.pk): item
        for item in review_items(
            pages=Page.objects.filter(pk__in={page_id for page_id, _l in pairs}),
            locale_ids={locale_id for _p, locale_id in pairs},
            only=pairs,
        )
    }
    readability_queue.annotate(list(computed.values()))
    result = {}
    for row in rows:
        item = computed.get((row.source_page_id, row.locale_id))
        if item is None:
            result[keys[row.pk]] = None
            continue
        found = findings.get((str(item.source_page.translation_key), item.locale.pk))
        if item.target_page is not None and found and any(found):
            item.extra["facts"] = found
        if item.state == State.STALE:
            item.extra["changes"] = [
                (change, word_diff(change.before, change.after)) for change in source_changes(item)
            ]
        result[keys[row.pk]] = render_to_string(
            TEMPLATE, {"item": item, "may_submit": may_submit, "csrf_token": PLACEHOLDER}
        )
    return result
