"""The search's full-text match is served by an index, so its cost does not grow with the
number of pages of the language (home/migrations/0003_search_index_title_body.py).

Wagtail's PostgreSQL backend matches ``(title || body) @@ query``; only an expression index
on exactly that serves it. If Wagtail changes the expression, the plan stops naming the
index and this test fails. The test site is tiny, so sequential scans are switched off for
the plan (and whole-index walks, which could stand in for one): the question is whether the
index *can* serve the query, not whether the planner prefers it on ten rows.
"""

from django.db import connection

from wagtail.models import Locale

import pytest

from home.search_query import parse_reader_query
from home.views import backend_for, searchable_pages
from tests import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="SQLite searches with FTS5, no GIN index"
    ),
]
INDEX = "portal_search_title_body_gin"


def plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_nestloop = off")
        # Whole-index walks (a primary key read in order, then filtered) can serve any query
        # without a sequential scan; a bitmap scan needs a condition the index answers.
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("SET LOCAL enable_indexonlyscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_index_exists():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [INDEX])
        (definition,) = cursor.fetchone()
    assert "wagtailsearch_indexentry" in definition
    assert "(title || body)" in definition


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_the_search_match_and_count_use_the_index(tree, locales, code):
    factories.NewsPageFactory(parent=tree["news"], title="Ungdomsutbyte", lead="Toscana")
    locale = Locale.objects.get(language_code=code)
    query = parse_reader_query("utbyte").search
    results = searchable_pages(locale).search(query, backend=backend_for(code))

    queryset = results.get_queryset()

    assert INDEX in plan(queryset)
    assert INDEX in plan(queryset.order_by())
