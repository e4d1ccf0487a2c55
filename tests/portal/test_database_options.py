"""Every PostgreSQL session of the portal prices random page reads as on SSDs
(``portal.settings.environment.postgres_options``)."""

from django.db import connection

import pytest

from portal.settings.environment import postgres_options


def test_a_postgresql_database_gets_the_cost_and_keeps_its_own_options():
    config = {"ENGINE": "django.db.backends.postgresql", "OPTIONS": {"options": "-c work_mem=8MB"}}
    assert postgres_options(config, 1.1)["OPTIONS"]["options"] == (
        "-c work_mem=8MB -c random_page_cost=1.1"
    )
    plain = postgres_options({"ENGINE": "django.db.backends.postgresql"}, 4.0)
    assert plain["OPTIONS"] == {"options": "-c random_page_cost=4.0"}


def test_sqlite_is_left_alone():
    config = {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}
    assert postgres_options(dict(config), 1.1) == config


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL session setting")
def test_the_portals_sessions_use_it():
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"
