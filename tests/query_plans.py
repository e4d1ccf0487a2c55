"""The plan PostgreSQL would choose for a queryset, with some of its ways switched off, so a
test can ask whether an index *can* serve a query on a test database of a few rows (where the
planner, rightly, prefers to read the table): tests/home/test_search_index.py and
tests/international/test_listing_indexes.py."""

from django.db import connection, transaction


def plan(queryset, switched_off: tuple[str, ...], prepare=None) -> str:
    """``EXPLAIN`` of ``queryset`` with each of ``switched_off`` (``enable_<name>``) off, after
    ``prepare(cursor)``, all inside a savepoint that is rolled back."""
    sql, params = queryset.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        if prepare is not None:
            prepare(cursor)
        for setting in switched_off:
            cursor.execute(f"SET LOCAL enable_{setting} = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        found = "\n".join(row[0] for row in cursor.fetchall())
        transaction.set_rollback(True)
    return found
