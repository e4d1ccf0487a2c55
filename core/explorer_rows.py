"""The page explorer's rows, rendered once per state of their page (issue 24).

Wagtail renders each row of the explorer from templates: the title with its menu of actions
(a dozen buttons, each asking the person's permissions), the status, the relative date, the
checkbox. Some 3 ms a row, and a listing shows up to fifty: a news index with years of news
answered in 2–3 times the time of the demo's nine rows, with the same queries.

A row's cells are kept as HTML in the content cache (``core.content_cache.cached_many``: one
round trip for the page) under everything they can show. The listing asks no query per row
(``tests/scale/test_flat_cost.py`` counts them), so a row shows only what its page brought
from the listing's query and what the request holds:

- the page as read (``page_state``): every plain value the listing's query loaded onto it,
  its annotations among them (wagtail-localize's translation counts, the site root, an
  approved schedule);
- the relative date each date column shows ("3 days ago"), so a row changes with the clock;
- the person's permissions (``person_key``): superuser, active, the model permissions and
  the page permissions of their groups. Two people with the same
  permissions share rows; nothing in a row names the person;
- the admin language, the time zone, the host (the "live" link is relative on its own site),
  the listing's columns and the URL the actions return to, the release;
- the content generation, which ``cached_many`` adds: a site, a locale, a view restriction, a
  publish anywhere.

Two kinds of rows are never kept, because they depend on what the listing does not read: a
locked page (it says whether it is locked by you) and a page in a workflow (whether you may
edit it depends on the task's groups). Search and filter results are rendered as before:
their rows show each page's parent. Wagtail renders the ``<tr>`` itself; only its cells are
kept.

The explorer's viewset is Wagtail's documented way to change the listing of a page's
children (``PageViewSet.index_view_class``); registered after Wagtail's own for ``Page``, it
serves every parent. It asks the person's permissions of the listed children alone, and the
filters' people per person (``core.explorer_queries``), not of every page of the site.

Upstream workaround (``upstream.toml``): the kept cells stand in for a ``Table.Row``'s
values (``wagtail.admin.ui.tables``), rendered with the context Wagtail's table template
gives them; ``tests/upstream/test_upstream_internals.py`` fails the day a row stops being
rendered that way.
"""

import datetime
import decimal
import hashlib
import uuid

from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple
from wagtail.admin.ui.tables import DateColumn, Table
from wagtail.admin.ui.tables.pages import PageTable
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from core.content_cache import cached_many
from core.explorer_queries import ExplorerFilterSet, explorable_q
from core.release import release

# Values a page's state is made of; anything else it carries (prefetched objects, the
# request's site root paths) is the request's or the generation's.
PLAIN = (str, int, float, bool, decimal.Decimal, datetime.date, datetime.time, uuid.UUID)
# Prefetched by Wagtail's listing: the page's workflows in progress.
WORKFLOW_STATES = "_current_workflow_states"


class KeptCells:
    """A row's cells as one component: ``{% component cell %}`` in Wagtail's table template
    calls ``render_html``."""

    def __init__(self, html: str):
        self.html = html

    def render_html(self, parent_context=None):
        return mark_safe(self.html)  # noqa: S308 - the cells Wagtail's own templates rendered


class KeptRow(Table.Row):
    """Wagtail's row (its ``<tr>`` attributes as before), its cells from ``KeptCells``."""

    def __init__(self, table, instance, index, html: str):
        super().__init__(table, instance, index)
        self.kept = KeptCells(html)

    def values(self):
        return [self.kept]


class KeptRowsPageTable(PageTable):
    """The explorer's table, its rows' cells kept (module docstring)."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        self.kept_html = kept_cells(self, context) if self.keeps_rows(context) else {}
        return context

    def keeps_rows(self, context) -> bool:
        return not (context.get("is_searching") or context.get("is_filtering"))

    @property
    def rows(self):
        kept = getattr(self, "kept_html", {})
        for index, instance in enumerate(self.data):
            html = kept.get(instance.pk)
            if html is None:
                yield Table.Row(self, instance, index)
            else:
                yield KeptRow(self, instance, index, html)


class KeptRowsIndexView(ExplorableIndexView):
    table_class = KeptRowsPageTable

    def get_base_queryset(self):
        """A parent's children, filtered by the person's permissions on each child's own path
        (``core.explorer_queries``) instead of Wagtail's subquery over every page they may
        explore. Searching and filtering stay Wagtail's."""
        permitted = explorable_q(self.request.user)
        if permitted is None or self.is_searching or self.is_filtering:
            return super().get_base_queryset()
        pages = self.model._default_manager.child_of(self.parent_page).filter(permitted)
        return self.annotate_queryset(pages)


class KeptRowsPageViewSet(PageViewSet):
    """Wagtail's page views, the explorer's listing with kept rows."""

    index_view_class = KeptRowsIndexView
    filterset_class = ExplorerFilterSet


def keepable(page) -> bool:
    """A row that depends only on what the listing read (module docstring)."""
    return not page.locked and not getattr(page, WORKFLOW_STATES, None)


def kept_cells(table, context) -> dict[int, str]:
    """{page id: its cells' HTML} for the keepable rows of ``table``: kept ones as they are,
    the others rendered now and kept."""
    request = context["request"]
    pages = [page for page in table.data if keepable(page)]
    if not pages:
        return {}
    shared = listing_key(table, context, request)
    dates = [column for column in table.columns.values() if isinstance(column, DateColumn)]
    keys = {page.pk: row_key(shared, page, dates) for page in pages}
    by_key = {
        keys[page.pk]: (index, page) for index, page in enumerate(table.data) if page.pk in keys
    }

    def compute(missing_keys):
        return {key: render_cells(table, context, *by_key[key]) for key in missing_keys}

    html = cached_many("explorer-row", list(by_key), compute)
    return {pk: html[key] for pk, key in keys.items() if html.get(key) is not None}


def render_cells(table, context, index: int, page) -> str:
    """The row's cells as Wagtail's table template renders them (``{% component cell %}``
    with the table's context and ``row``)."""
    row = Table.Row(table, page, index)
    cell_context = {**context, "row": row}
    return "".join(str(cell.render_html(cell_context)) for cell in row.values())


def listing_key(table, context, request) -> str:
    """What every row of this listing shares: who looks, in which language, on which host,
    with which columns, returning where."""
    named = (
        release(),
        get_language(),
        timezone.get_current_timezone_name(),
        request.get_host(),
        ",".join(table.columns),
        str(context.get("show_locale_labels")),
        str(context.get("actions_next_url")),
        person_key(request.user),
    )
    return hashlib.sha256("\n".join(named).encode()).hexdigest()


def person_key(user) -> str:
    """The person's permissions, not the person: what decides the actions a row offers."""
    page_permissions = sorted(
        f"{permission.permission.codename}@{permission.page.path}"
        for permission in page_permission_policy.get_cached_permissions_for_user(user)
    )
    named = (
        f"{user.is_active}:{user.is_superuser}",
        ",".join(sorted(user.get_all_permissions())),
        ",".join(page_permissions),
    )
    return "\n".join(named)


def page_state(page) -> str:
    """Every plain value the listing's query loaded onto ``page``, by name."""
    return "\n".join(
        f"{name}={value!r}"
        for name, value in sorted(vars(page).items())
        if name != "_state" and (value is None or isinstance(value, PLAIN))
    )


def row_key(shared: str, page, dates) -> str:
    """What the row shows (the module docstring lists it), as a short key."""
    ages = ",".join(
        str(timesince_simple(value))
        if isinstance(value := column.get_value(page), datetime.date)
        else ""
        for column in dates
    )
    named = f"{shared}\n{type(page).__name__}\n{page_state(page)}\n{ages}"
    return hashlib.sha256(named.encode()).hexdigest()[:32]


def explorer_viewset() -> PageViewSet:
    """``register_admin_viewset``, after Wagtail's own viewset for every page type."""
    return KeptRowsPageViewSet(name="kept_explorer_rows", model=Page)
