"""The xdist workers' test databases: migrated once, then copied by PostgreSQL.

Every worker used to create its test database by running all the migrations (about 300,
three quarters of a minute on the 2-core CI machine, and both workers at once). Here the
first worker to get there migrates its own database as pytest-django always did, then
PostgreSQL copies it (``CREATE DATABASE ... TEMPLATE``, a fraction of a second for the
16 MB a migrated database holds) into a template that no connection touches; the other
workers create theirs from that template. A copy holds the same schema and the same rows
(content types, permissions, Wagtail's root page and site, the migrations' own rows) as a
migrated database, the thing the tests ran against before; Django's serialization for the
``serialized_rollback`` tests and the ``createcachetable`` step still run in every worker.

Where no template can be used (one process, SQLite, ``--reuse-db``, ``--nomigrations``,
more than one database, the template gone or the copy refused) the worker migrates, as
before. The template is dropped by the last worker to finish (each tries; PostgreSQL
refuses while another session copies it, and the next one drops it).

An upstream workaround (``upstream.toml``): ``django_db_setup`` in tests/conftest.py copies
pytest-django's; `tests/upstream/test_upstream_internals.py` fails when upstream's moves
(``test_pytest_djangos_database_setup_is_still_the_one_tests_conftest_copies``).
"""

import contextlib
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.management import call_command
from django.db import connections

from tests.shared_demo import locked

DEFAULT = "default"
# The run's template, once this worker made it or copied it (``migrated_template``).
_TEMPLATE: dict[str, str | None] = {"name": None}


def usable(aliases, use_migrations: bool, keepdb: bool) -> bool:
    """Only the plain case: one PostgreSQL database, created and migrated for this run."""
    return (
        use_migrations
        and not keepdb
        and set(aliases) <= {DEFAULT}
        and connections[DEFAULT].vendor == "postgresql"
    )


def _quote(name: str) -> str:
    return connections[DEFAULT].ops.quote_name(name)


def template_name(test_database_name: str, worker: str) -> str:
    """``test_portal_gw0`` -> ``test_portal_template``: the run's name, without the worker."""
    base = test_database_name.removesuffix(f"_{worker}")
    return f"{base}_template"


def _copy(source: str, target: str) -> None:
    """``CREATE DATABASE target TEMPLATE source`` (dropping an old ``target`` first, as
    Django's test runner does with a leftover test database)."""
    with connections[DEFAULT].creation._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {_quote(target)}")
        cursor.execute(f"CREATE DATABASE {_quote(target)} TEMPLATE {_quote(source)}")


def _create_from(template: str):
    """A stand-in for ``DatabaseCreation.create_test_db`` that copies ``template`` instead of
    migrating, then does what Django does after migrating (``setup_databases`` serializes)."""

    def create_test_db(verbosity=1, autoclobber=False, serialize=True, keepdb=False):
        connection = connections[DEFAULT]
        name = connection.creation._get_test_db_name()
        _copy(template, name)
        connection.close()
        settings.DATABASES[DEFAULT]["NAME"] = name
        connection.settings_dict["NAME"] = name
        if serialize:
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
        call_command("createcachetable", database=DEFAULT)
        connection.ensure_connection()
        return name

    return create_test_db


def setup(folder: Path, worker: str, setup_databases):
    """``setup_databases()`` (Django's, with pytest-django's arguments) for this worker: from
    the run's template when another worker made it, else migrated, leaving a template."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / "template-database"
    connection = connections[DEFAULT]
    with locked(folder / "database.lock"):
        if marker.exists():
            template = marker.read_text(encoding="utf-8")
            name_before = connection.settings_dict["NAME"]
            try:
                with mock.patch.object(
                    connection.creation, "create_test_db", _create_from(template)
                ):
                    old_names = setup_databases()
                _TEMPLATE["name"] = template
                return old_names
            except Exception:  # noqa: BLE001 - the template went away: migrate instead
                connection.close()
                settings.DATABASES[DEFAULT]["NAME"] = name_before
                connection.settings_dict["NAME"] = name_before
                return setup_databases()
        old_names = setup_databases()
        name = connection.settings_dict["NAME"]
        template = template_name(name, worker)
        # PostgreSQL copies a database nobody is connected to: this worker's connection goes
        # (the next query opens it again).
        connection.close()
        try:
            _copy(name, template)
        except Exception:  # noqa: BLE001 - no template: the other workers migrate, as before
            return old_names
        marker.write_text(template, encoding="utf-8")
        _TEMPLATE["name"] = template
        return old_names


def migrated_template() -> str | None:
    """The name of the run's migrated template database, if this worker used one (it lives
    until the last worker ends): what ``migrate`` makes, for a copy elsewhere."""
    return _TEMPLATE["name"]


def drop_template(folder: Path) -> None:
    """Drop the run's template unless another worker is still copying it."""
    marker = folder / "template-database"
    if not marker.exists():
        return
    template = marker.read_text(encoding="utf-8")
    with contextlib.suppress(Exception), connections[DEFAULT].creation._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {_quote(template)}")
