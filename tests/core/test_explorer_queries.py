"""The explorer's permission filter on the children's own paths (core/explorer_queries.py):
the same pages as Wagtail's rule for every kind of person and every parent, asked without a
subquery over the whole tree."""

import re

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page
from wagtail.permissions import page_permission_policy

import pytest

from core import explorer_rows
from core.explorer_queries import explorable_q
from devtools import builders
from review.roles import COMMUNICATOR, COORDINATOR, setup_roles, translator_group_name

pytestmark = pytest.mark.django_db


def grant(name: str, *granted) -> Group:
    """A group with ``(codename, page)`` page permissions and admin access."""
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename, page in granted:
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename=codename)
        )
    return group


@pytest.fixture
def site(tree, locales):
    """Swedish news two levels deep, and the Arabic home and news index."""
    item = builders.NewsPageFactory(parent=tree["news"], publish=True)
    builders.NewsPageFactory(parent=item, publish=True)
    builders.NewsPageFactory(parent=tree["news"], live=False)
    arabic_home = tree["home"].copy_for_translation(locales["ar"])
    arabic_news = tree["news"].copy_for_translation(locales["ar"], copy_parents=True)
    return {**tree, "item": item, "arabic_home": arabic_home, "arabic_news": arabic_news}


@pytest.fixture
def people(site):
    setup_roles()
    grant("Redigerar nyheter", ("change_page", site["news"]))
    grant("Tar bort en nyhet", ("delete_page", site["item"]))
    grant("Lägger till", ("add_page", site["arabic_news"]), ("change_page", site["item"]))
    inactive = builders.make_user("slutat", COMMUNICATOR)
    inactive.is_active = False
    inactive.save()
    return {
        "admin": builders.make_user("admin", superuser=True),
        "kommunikator": builders.make_user("kommunikator", COMMUNICATOR),
        "samordnare": builders.make_user("samordnare", COORDINATOR),
        "oversattare": builders.make_user("oversattare", translator_group_name("ar")),
        "redaktor": builders.make_user("redaktor", "Redigerar nyheter"),
        "borttagare": builders.make_user("borttagare", "Tar bort en nyhet"),
        "tva-stallen": builders.make_user("tva-stallen", "Lägger till"),
        "utan": builders.make_user("utan"),
        "slutat": inactive,
    }


def wagtails_children(user, parent) -> set[int]:
    explorable = page_permission_policy.explorable_instances(user).values_list("pk", flat=True)
    return set(Page.objects.child_of(parent).filter(pk__in=explorable).values_list("pk", flat=True))


def our_children(user, parent) -> set[int] | None:
    permitted = explorable_q(user)
    if permitted is None:
        return None
    return set(Page.objects.child_of(parent).filter(permitted).values_list("pk", flat=True))


def test_the_filter_lets_each_person_see_the_children_wagtail_lets_them_see(people):
    for name, user in people.items():
        for parent in Page.objects.all():
            ours = our_children(user, parent)
            if ours is None:
                continue  # Wagtail's own filter decides (the view falls back to it)
            assert ours == wagtails_children(user, parent), (name, parent.url_path)


def test_wagtail_decides_for_people_the_filter_cannot_describe(people):
    assert explorable_q(people["slutat"]) is None
    assert explorable_q(people["utan"]) is None
    # The others are all described by paths.
    assert all(explorable_q(people[name]) is not None for name in ("admin", "kommunikator"))


def test_a_permission_reaches_its_subtree_and_shows_the_way_down_to_it(people, site):
    redaktor, borttagare = people["redaktor"], people["borttagare"]
    # Change on the news index: its subtree, and the home above it, nothing beside it.
    assert our_children(redaktor, site["home"]) == {site["news"].pk}
    assert site["item"].pk in our_children(redaktor, site["news"])
    # Delete alone explores nothing: the way down to the item, not the item itself.
    assert our_children(borttagare, site["home"]) == {site["news"].pk}
    assert our_children(borttagare, site["news"]) == set()
    # A translator's language, not the Swedish tree.
    oversattare = people["oversattare"]
    assert our_children(oversattare, site["arabic_home"]) == {site["arabic_news"].pk}
    assert our_children(oversattare, site["home"]) == set()


def explorer(client, user, page) -> tuple[str, list[str]]:
    """The explorer's table (whitespace as one space) and the SQL the view asked."""
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("wagtailadmin_explore", args=[page.pk]))
    assert response.status_code == 200
    table = re.search(r'<table[^>]* class="listing.*?</table>', response.content.decode(), re.S)
    html = re.sub(r"\s+", " ", table.group(0)) if table else ""
    return html, [query["sql"] for query in queries.captured_queries]


def test_the_explorer_lists_what_wagtails_filter_lists_without_a_subquery_over_the_tree(
    client, people, site, monkeypatch
):
    root = Page.get_first_root_node()
    looked_at = [
        ("admin", site["home"]),
        ("kommunikator", site["home"]),
        ("kommunikator", site["news"]),
        ("samordnare", site["home"]),
        ("redaktor", site["news"]),
        ("oversattare", site["arabic_home"]),
        ("tva-stallen", root),
        ("tva-stallen", site["home"]),
        ("tva-stallen", site["news"]),
    ]
    for name, parent in looked_at:
        user = people[name]
        ours, sql = explorer(client, user, parent)
        # The listing's count and rows ask about the children only.
        subqueries = [q for q in sql if re.search(r'"wagtailcore_page"\."id" IN \(SELECT', q)]
        assert subqueries == [], name
        with monkeypatch.context() as patch:
            patch.setattr(explorer_rows, "explorable_q", lambda user: None)
            wagtails, wagtails_sql = explorer(client, user, parent)
        assert any('"wagtailcore_page"."id" IN (SELECT' in q for q in wagtails_sql)
        assert ours == wagtails, (name, parent.url_path)


def test_a_search_in_the_explorer_is_still_filtered_by_wagtail(client, people, site):
    client.force_login(people["tva-stallen"])
    explore = reverse("wagtailadmin_explore", args=[Page.get_first_root_node().pk])
    found = client.get(explore, {"q": site["item"].title}).content.decode()
    assert f"/admin/pages/{site['item'].pk}/edit/" in found
    hidden = client.get(explore, {"q": site["strategy"].title})
    assert hidden.status_code == 200
    assert f"/admin/pages/{site['strategy'].pk}/edit/" not in hidden.content.decode()


def test_the_filters_offer_the_owners_and_editors_wagtail_offers(people, site, rf):
    from wagtail.admin.views.pages.listing import GenericPageFilterSet

    from core.explorer_queries import ExplorerFilterSet

    site["item"].save_revision(user=people["kommunikator"], log_action=True)
    for page, owner in ((site["item"], "redaktor"), (site["news"], "oversattare")):
        page.owner = people[owner]
        page.save(update_fields=["owner"])
    request = rf.get("/")
    request.user = people["admin"]

    def offered(filterset_class) -> dict[str, set[str]]:
        form = filterset_class(request=request, queryset=Page.objects.all()).form
        return {
            name: {user.username for user in form.fields[name].queryset}
            for name in ("owner", "edited_by")
        }

    ours = offered(ExplorerFilterSet)
    assert ours == offered(GenericPageFilterSet)
    assert {"redaktor", "oversattare"} <= ours["owner"]
    assert "kommunikator" in ours["edited_by"]
    assert "borttagare" not in ours["owner"] | ours["edited_by"]


def test_the_explorers_filters_ask_no_distinct_over_every_page(client, people, site):
    _html, sql = explorer(client, people["kommunikator"], site["news"])
    people_asked = [
        query
        for query in sql
        if "SELECT DISTINCT" in query and ('"owner_id"' in query or "pagelogentry" in query)
    ]
    assert people_asked == []


@pytest.mark.parametrize(
    "query",
    [
        {"owner": "abc"},
        {"owner": "999999"},
        {"edited_by": "-1"},
        {"edited_by": "1 OR 1=1"},
        {"owner": ["1", "x"], "content_type": "nope"},
        {"has_child_pages": "maybe", "site": "0"},
    ],
)
def test_hostile_filter_values_get_a_page_not_an_error(client, people, site, query):
    client.force_login(people["kommunikator"])
    response = client.get(reverse("wagtailadmin_explore", args=[site["news"].pk]), query)
    assert response.status_code in (200, 400)
