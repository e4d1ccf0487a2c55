"""Which database the test suite runs on, decided once when the test settings load."""

import socket

import environ

LOCAL_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres"


def _local_postgres_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=0.5):
            pass
    except OSError:
        return False
    try:
        import psycopg2

        psycopg2.connect(LOCAL_POSTGRES_URL, connect_timeout=2).close()
    except Exception:  # noqa: BLE001 - any failure means "not usable", and SQLite takes over
        return False
    return True


def choose_test_database(database_url: str, base_dir) -> dict:
    """DATABASE_URL if set; else the local PostgreSQL if it answers; else SQLite."""
    if database_url:
        return environ.Env.db_url_config(database_url)
    if _local_postgres_answers():
        return environ.Env.db_url_config(LOCAL_POSTGRES_URL)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(base_dir / "test-db.sqlite3"),
        "TEST": {"NAME": ":memory:"},
    }
