"""The search's full-text match is served by an index, so its cost does not grow with the
number of pages of the language (home/migrations/0003_search_index_title_body.py).

Wagtail's PostgreSQL backend matches ``(title || body) @@ query``; only an expression index
on exactly that serves it. If Wagtail changes the expression, the plan stops naming the
index and this test fails. The test site is tiny, so sequential scans are switched off for
the plan and the entries' other indexes dropped for it (``plan``): the question is whether the
index *can* serve the query, not whether the planner prefers it on ten rows.
"""

from django.db import connection

from wagtail.models import Locale

import pytest

from devtools import builders
from home.search_query import parse_reader_query
from home.views import backend_for, searchable_pages
from tests import query_plans

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="SQLite searches with FTS5, no GIN index"
    ),
]
INDEX = "portal_search_title_body_gin"
TABLE = "wagtailsearch_indexentry"


def plan(queryset) -> str:
    """The plan of ``queryset`` when our index is the only way into the index entries.

    Inside a savepoint that is rolled back: the entries' other indexes are dropped (the
    content type's, the unique pair's), and sequential and whole-index scans are switched
    off, so the planner can reach the entries only through an index that serves the match:
    ours, if the match is the expression it was built on. Which plan PostgreSQL prefers on
    the test database's few rows depends on its statistics and is not the question.
    """
    return query_plans.plan(
        queryset, ("seqscan", "nestloop", "indexscan", "indexonlyscan"), only_our_index
    )


def only_our_index(cursor) -> None:
    """The index entries' other indexes and unique constraints dropped (rolled back after)."""
    # The test's own inserts leave deferred foreign-key checks that forbid ALTER TABLE.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute(
        "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'u'",
        [TABLE],
    )
    for (constraint,) in cursor.fetchall():
        cursor.execute(f'ALTER TABLE {TABLE} DROP CONSTRAINT "{constraint}"')
    cursor.execute(
        "SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexname <> %s"
        " AND indexname NOT LIKE %s",
        [TABLE, INDEX, "%pkey"],
    )
    for (index,) in cursor.fetchall():
        cursor.execute(f'DROP INDEX "{index}"')


def test_the_index_exists():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [INDEX])
        (definition,) = cursor.fetchone()
    assert "wagtailsearch_indexentry" in definition
    assert "(title || body)" in definition


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_the_search_match_and_count_use_the_index(tree, locales, code):
    builders.NewsPageFactory(parent=tree["news"], title="Ungdomsutbyte", lead="Toscana")
    locale = Locale.objects.get(language_code=code)
    query = parse_reader_query("utbyte").search
    results = searchable_pages(locale).search(query, backend=backend_for(code))

    queryset = results.get_queryset()

    assert INDEX in plan(queryset)
    assert INDEX in plan(queryset.order_by())
