"""The page explorer's queries, asked of a parent's children and of the people, not of every
page (issue 24).

Two of Wagtail's explorer queries read the whole page table on every view, so the explorer
of a news index answered some 10 ms slower for every hundred times the content, however few
its children:

**Who may see which child.** Wagtail filters the listing with ``pk IN (explorable pages)``,
a subquery that builds every page the person may explore (for a communicator, every Swedish
page), twice a view: the count and the page of rows. The same rule needs no subquery.
``PagePermissionPolicy.explorable_instances`` makes a page explorable when

- it is, or descends from, a page on which one of the person's groups has an exploring
  permission (add, change, publish, lock, unlock, bulk delete), or
- it is an ancestor of a page on which a group has any permission,

and, in both cases, it lies under the first common ancestor of the pages the groups have
permissions on. Each is a condition on the page's own path, known from the person's
permissions (which Wagtail has already read for the request): a prefix, a list of ancestor
paths. ``explorable_q`` says it; filtered on the parent's children, the database tests it
on those children alone.

**The filters' people.** The filter drawer offers as owners every user who owns a page and
as editors every user with an edit in the page history: ``SELECT DISTINCT`` over all pages
and the whole history. ``ExplorerFilterSet`` asks, for each user, whether one such row
exists (an index probe per user), the same people.

Upstream workaround (``upstream.toml``): ``KeptRowsIndexView`` (``core.explorer_rows``) puts
``explorable_q`` in place of Wagtail's filter for the listing of a parent's children (a
search or a filter is left to Wagtail) and uses ``ExplorerFilterSet``.
``tests/upstream/test_upstream_internals.py`` fails the day Wagtail's explorer, its rule or
its filters change; ``tests/core/test_explorer_queries.py`` compares ours with Wagtail's
over every parent for people of every kind, and the filters' choices.
"""

import copy
import posixpath

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q

from wagtail.admin.views.pages.listing import GenericPageFilterSet
from wagtail.models import Page, PageLogEntry
from wagtail.permissions import page_permission_policy

EXPLORING_ACTIONS = {"add", "change", "publish", "lock", "unlock", "bulk_delete"}


def explorable_q(user) -> Q | None:
    """The condition on a page for ``user`` to explore it; ``None`` where Wagtail's own
    filter should decide (an inactive person, or one whose permissions have no common
    ancestor in the tree)."""
    if not user.is_active:
        return None
    if user.is_superuser:
        return Q()
    permissions = page_permission_policy.get_cached_permissions_for_user(user)
    if not permissions:
        return None
    exploring = page_permission_policy._get_permission_codenames(EXPLORING_ACTIONS)
    below = sorted(
        {
            permission.page.path
            for permission in permissions
            if permission.permission.codename in exploring
        }
    )
    ancestors = {
        ancestor
        for permission in permissions
        for ancestor in strict_ancestor_paths(permission.page.path)
    }
    common = common_ancestor_path([permission.page.path for permission in permissions])
    if not common:
        return None
    permitted = Q(path__in=sorted(ancestors))
    for path in below:
        permitted |= Q(path__startswith=path)
    return permitted & Q(path__startswith=common)


def strict_ancestor_paths(path: str) -> list[str]:
    """The paths of the pages above the one at ``path`` (Wagtail's ``ancestor_of``)."""
    step = Page.steplen
    return [path[:end] for end in range(step, len(path), step)]


def common_ancestor_path(paths: list[str]) -> str:
    """The path of the first common ancestor of the pages' parents, as Wagtail's
    ``first_common_ancestor_of`` finds it; empty where it would fall back to the root."""
    parents = {path[: -Page.steplen] for path in paths}
    common = posixpath.commonprefix(list(parents))
    return common[: len(common) - len(common) % Page.steplen]


def page_owners(request):
    """Everyone who owns a page (Wagtail's owner choices)."""
    owns = Page.objects.filter(owner=OuterRef("pk"))
    return get_user_model().objects.filter(Exists(owns))


def page_editors(request):
    """Everyone with an edit in the page history (Wagtail's "edited by" choices)."""
    edited = PageLogEntry.objects.filter(action="wagtail.edit", user_id=OuterRef("pk"))
    return get_user_model().objects.filter(Exists(edited))


def asking(name: str, queryset):
    """Wagtail's filter ``name``, its choices from ``queryset``."""
    replaced = copy.deepcopy(GenericPageFilterSet.base_filters[name])
    replaced.queryset = queryset
    return replaced


class ExplorerFilterSet(GenericPageFilterSet):
    """Wagtail's explorer filters, the people in them asked per person."""

    owner = asking("owner", page_owners)
    edited_by = asking("edited_by", page_editors)
