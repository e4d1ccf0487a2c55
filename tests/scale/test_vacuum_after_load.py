"""After a bulk load, ``load_demo --scale`` vacuums where it may (devtools/demo/scale.py): a
loaded table's visibility map is set, so a count reads the index alone, as on a site that
autovacuum has visited. Inside a transaction (the tests') it gathers statistics only."""

import io

from django.db import connection

import pytest

from devtools.demo import scale


def all_visible_pages(cursor) -> int:
    cursor.execute("SELECT relallvisible FROM pg_class WHERE relname = 'wagtailcore_page'")
    return cursor.fetchone()[0]


# Serialized rollback, as every transactional test of the suite: it starts from the rows
# that migrations made (the root page) whatever transactional test ran before it in this
# process, and its flush leaves no content types that the next test's rows would collide with.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_outside_a_transaction_the_tables_are_vacuumed(home_pages):
    if connection.vendor != "postgresql":
        pytest.skip("VACUUM is PostgreSQL's")
    out = io.StringIO()
    scale.analyze(out)
    assert "VACUUM (ANALYZE)" in out.getvalue()
    with connection.cursor() as cursor:
        assert all_visible_pages(cursor) > 0


@pytest.mark.django_db
def test_inside_a_transaction_statistics_only(home_pages):
    out = io.StringIO()
    scale.analyze(out)
    if connection.vendor == "postgresql":
        assert "(ANALYZE)" in out.getvalue() and "VACUUM" not in out.getvalue()
