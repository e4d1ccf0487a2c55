"""Wagtail and wagtail-localize internals that five of our modules lean on, with no
guard until now: the routing middleware, the content cache, the per-language search
backend, the purge backends and the guarded wagtail-localize views (``upstream.toml``)."""

import ast
import inspect
import logging

from django.test import RequestFactory

from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.search.models import IndexEntry
from wagtail_localize.views import convert, submit_translations, update_translations

import pytest
from upstream_guard import changed


def test_wagtail_still_reads_the_site_and_route_from_the_request_attributes():
    # home/routing.py and core/content_cache.py hand Wagtail what they found through the
    # attributes Wagtail caches its own answers in.
    request = RequestFactory().get("/sv/")
    site, route = object(), object()
    request._wagtail_site = site
    request._wagtail_route_for_request = route
    message = changed(
        "home/routing.py and core/content_cache.py",
        "Wagtail no longer caches its site and route on request._wagtail_site and "
        "request._wagtail_route_for_request",
    )
    assert Site.find_for_request(request) is site, message
    assert Page.route_for_request(request, "/sv/") is route, message
    assert list(inspect.signature(get_site_for_hostname).parameters) == ["hostname", "port"], (
        changed("core/content_cache.py", "wagtail.models.sites.get_site_for_hostname changed")
    )


def test_the_search_index_still_has_one_row_per_object_for_every_backend():
    # wagtail/wagtail#9253: home/search_backend.py lets each language's backend index only
    # its own pages, because all database backends share this table.
    fields = {field.name for field in IndexEntry._meta.get_fields()}
    message = changed(
        "home/search_backend.py",
        "Wagtail's index entries now carry a language or configuration of their own (#9253)",
    )
    assert ("content_type", "object_id") in IndexEntry._meta.unique_together, message
    assert not fields & {"language", "locale", "config", "backend"}, message


def test_a_failed_varnish_purge_is_still_only_logged(caplog):
    # operations/purge_backends.py raises PurgeFailed where Wagtail's backends log and return.
    backend = HTTPBackend({"LOCATION": "http://127.0.0.1:9"})  # discard port: refused
    with caplog.at_level(logging.ERROR, logger="wagtail.frontendcache"):
        backend.purge("http://portal.example/sv/")  # no exception: the failure is swallowed
    assert caplog.records, changed(
        "operations/purge_backends.py", "Wagtail's HTTPBackend no longer logs a refused purge"
    )


@pytest.mark.parametrize(
    "module, view",
    [
        (update_translations, update_translations.UpdateTranslationsView.dispatch),
        (submit_translations, submit_translations.SubmitTranslationView.dispatch),
        (convert, convert.convert_to_alias),
    ],
)
def test_wagtail_localizes_publishing_views_still_ask_no_publish_permission(module, view):
    # review/localize_guards.py puts the publish rule in front of these views, which check
    # only "submit_translation" or "can edit the page" before they publish in every locale.
    source = inspect.getsource(view)
    message = changed(
        "review/localize_guards.py",
        f"{module.__name__} now checks a publish permission itself",
    )
    assert "submit_translation" in source or "can_edit()" in source, message
    assert "publish" not in source.replace("submit_translation", ""), message


def test_wagtail_localizes_listing_hook_is_still_the_one_we_replace():
    # core/explorer_buttons.py swaps wagtail-localize's listing hook for its own in
    # Wagtail's hook registry; the swap must still find the function to replace.
    from wagtail import hooks
    from wagtail_localize import wagtail_hooks as localize_hooks

    from core.explorer_buttons import listing_buttons

    registered = [fn for fn, _order in hooks._hooks["register_page_listing_more_buttons"]]
    message = changed(
        "core/explorer_buttons.py",
        "wagtail-localize's page_listing_more_buttons hook or Wagtail's hook registry changed",
    )
    assert callable(getattr(localize_hooks, "page_listing_more_buttons", None)), message
    assert listing_buttons in registered, message
    assert localize_hooks.page_listing_more_buttons not in registered, message


@pytest.mark.django_db
def test_wagtail_still_keeps_a_pages_site_root_paths_in_its_cache_attribute():
    # core/explorer_buttons.py hands each explorer row the request's site root paths in the
    # attribute Wagtail caches them in, so that the row's page.url (asked without the
    # request by Wagtail's listing buttons) reads no shared cache.
    from wagtail.admin import wagtail_hooks as admin_hooks

    message = changed(
        "core/explorer_buttons.py",
        "Wagtail no longer caches a page's site root paths in _wagtail_cached_site_root_paths, "
        "or its listing buttons no longer ask page.url",
    )
    page, request = Page(url_path="/hem/"), RequestFactory().get("/")
    on_page, on_request = [object()], [object()]
    page._wagtail_cached_site_root_paths = on_page
    request._wagtail_cached_site_root_paths = on_request
    assert page._get_site_root_paths() is on_page, message
    assert page._get_site_root_paths(request) is on_request, message
    assert "_get_relevant_site_root_paths(request)" in inspect.getsource(Page.get_url_parts), (
        message
    )
    assert "page.url" in inspect.getsource(admin_hooks.page_listing_more_buttons), message


@pytest.mark.django_db
def test_wagtails_explorer_still_renders_a_rows_cells_from_its_values(rf):
    # core/explorer_rows.py keeps a row's cells as one component that stands in for the
    # row's values; Wagtail's table template must still render ``row.values`` with
    # ``{% component %}``, and the viewset registered last for Page must serve the explorer.
    from django.contrib.auth import get_user_model
    from django.template.loader import get_template

    from wagtail.admin.viewsets.pages import page_viewset_registry

    from core import explorer_rows
    from home.models import HomePage

    message = changed(
        "core/explorer_rows.py",
        "Wagtail's table template no longer renders a row's cells from row.values, or the "
        "explorer's listing is no longer the index view of the last viewset registered for Page",
    )
    assert page_viewset_registry.get_by_parent_model(HomePage).index_view_class is (
        explorer_rows.KeptRowsIndexView
    ), message
    page = Page(pk=7, title="Sida", path="0001", depth=1, live=True)
    table = explorer_rows.KeptRowsPageTable([], [page])
    table.kept_html = {7: "<td>kept-cells</td>"}
    request = rf.get("/")
    request.user = get_user_model()(is_superuser=True)
    html = get_template(table.template_name).render({"table": table, "request": request})
    assert "<td>kept-cells</td>" in html, message


def test_wagtails_explorer_still_filters_a_parents_children_by_its_explorable_pages_rule():
    # core/explorer_queries.py says Wagtail's rule with conditions on a page's path:
    # the children of the parent, explorable when under an exploring permission or above any
    # permission, under the first common ancestor; and it asks the filters' owners and
    # editors per user. Both are compared with Wagtail's in tests/core/test_explorer_queries.py;
    # this names what ours copies.
    from wagtail.admin.views.pages.listing import ExplorableIndexView, PageFilterSet
    from wagtail.admin.viewsets.pages import page_viewset_registry
    from wagtail.permission_policies.pages import PagePermissionPolicy

    from core import explorer_queries
    from core.explorer_queries import EXPLORING_ACTIONS

    message = changed(
        "core/explorer_queries.py",
        "Wagtail's explorer no longer lists a parent's children filtered by explorable_instances, "
        "or that rule changed: compare it with explorable_q again",
    )
    listing = inspect.getsource(ExplorableIndexView.get_base_queryset)
    assert "child_of(self.parent_page)" in listing, message
    assert "explorable_instances" in listing, message
    rule = inspect.getsource(PagePermissionPolicy.explorable_instances)
    actions = '{"add", "change", "publish", "lock", "unlock", "bulk_delete"}'
    assert actions in rule and ast.literal_eval(actions) == EXPLORING_ACTIONS, message
    for step in ("instances_user_has_any_permission_for", "ancestor_of(page)"):
        assert step in rule, message
    assert "first_common_ancestor_of" in rule and "path__startswith=fca_page.path" in rule, message
    filters = inspect.getsource(PageFilterSet)
    assert 'values_list("owner_id", flat=True)' in filters, message
    assert 'filter(action="wagtail.edit")' in filters, message
    assert page_viewset_registry.get_by_parent_model(Page).filterset_class is (
        explorer_queries.ExplorerFilterSet
    ), message


def test_pytest_djangos_database_setup_is_still_the_one_tests_conftest_copies():
    """``django_db_setup`` in tests/conftest.py copies pytest-django 4.14's and changes only
    how a worker's database is made (tests/database_template.py copies the first worker's
    migrated one). Upstream's fixture still takes the same fixtures, decides keepdb and the
    aliases the same way, and Django's ``create_test_db``, which the copy stands in for,
    still takes the same arguments; if one moves, read the copy again."""
    from django.db.backends.base.creation import BaseDatabaseCreation

    from pytest_django import fixtures

    from tests import conftest

    upstream = inspect.getsource(fixtures.django_db_setup)
    for line in (
        "if not django_db_use_migrations:\n        _disable_migrations()",
        "if django_db_keepdb and not django_db_createdb:",
        "aliases, serialized_aliases = _get_databases_for_setup(request.session.items)",
        "interactive=False,",
        "if not django_db_keepdb:",
        "teardown_databases(db_cfg, verbosity=request.config.option.verbose)",
    ):
        assert line in upstream, line

    def parameters(source: str) -> list[str]:
        function = ast.parse(source.strip()).body[0]
        return [argument.arg for argument in function.args.args]

    ours = parameters(inspect.getsource(conftest.django_db_setup))
    assert ours == [*parameters(upstream), "tmp_path_factory"]
    assert list(inspect.signature(BaseDatabaseCreation.create_test_db).parameters) == [
        "self",
        "verbosity",
        "autoclobber",
        "serialize",
        "keepdb",
    ]
