"""The demo (``load_demo --no-users``) built once per test run, then put back from its rows.

Building the demo takes about half a minute, and a dozen modules read it without testing the
loader itself. The first of them in the run builds it and keeps its rows and its images; the
others put those back with PostgreSQL's ``COPY``, which takes a second or two (elsewhere, as
Django's serialized rollback does: ``tests/browser/rows.py``). Under pytest-xdist the rows and
images go to a folder of the run that every worker sees (``share_between_workers``): the first
worker to ask builds while holding a lock, and the others wait for its files instead of
building the same demo again. A worker whose database gave other ids to its content types
builds its own (``_build_or_take_from``). ``built_once`` does the same, within a process, for
the small sites that many tests build first.

Call ``load_demo`` where the database holds only what migrations made, inside the caller's
transaction (a ``django_db`` test, ``setUpTestData`` or a module fixture's ``atomic``): the
rows are emptied and put back inside it, so its rollback returns the database to the
migrations' rows for the tests that follow, as the build's own rollback did. Where a live
server must see it (the browser tests, the journeys, the backup), it is committed, and the
caller empties the database after, as it did after building. The loaders' own tests
(tests/devtools/test_demo_loader.py) still run the command.
"""

import contextlib
import fcntl
import hashlib
import io
import json
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import TestCase

from wagtail.images import get_image_model

from tests.browser import rows

# The tables whose rows a process keeps by id (Django's content type cache; the permissions
# name their content types).
CACHED_BY_ID = ("django_content_type", "auth_permission")
# The build's rows and images, for the rest of the process.
_BUILT: dict = {}
# The run's folder shared by the xdist workers, or None (one process: nothing to share).
_SHARED: dict[str, Path | None] = {"folder": None}


def share_between_workers(folder: Path | None) -> None:
    """Keep the build in ``folder`` (the run's, seen by every worker) for the other workers."""
    _SHARED["folder"] = folder


def load_demo() -> None:
    """The demo content in the database and its images under the current ``MEDIA_ROOT``."""
    if not _BUILT:
        folder = _SHARED["folder"]
        if folder is None:
            _build()
        else:
            _build_or_take_from(folder)
        return
    rows.copy_media(_BUILT["media"], settings.MEDIA_ROOT)
    restore(_BUILT["rows"])
    # As the build does: nothing cached before it describes the new content.
    cache.clear()


def _build() -> None:
    # The command runs in its own atomic block; what it defers to the commit (the content
    # cache's next generation) runs here, as in the tests that executed it.
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo", "--no-users", stdout=io.StringIO())
    _BUILT["kept_media"] = keep_media(Path(settings.MEDIA_ROOT))
    _BUILT["media"] = Path(_BUILT["kept_media"].name)
    _BUILT["rows"] = snapshot()


def _build_or_take_from(folder: Path) -> None:
    """Take another worker's build from ``folder``, or build and leave it there.

    Every row is put back, so the database holds the build exactly; what this process keeps
    of its own database is what it has cached, the content types (by id). So another
    worker's build is taken only when both databases gave the same ids to the same content
    types and permissions (both ran the same migrations). Other rows may differ: the
    migrations' root page has a random translation key in each database.
    """
    folder.mkdir(parents=True, exist_ok=True)
    kept_rows, kept_media = folder / "demo-rows.json", folder / "demo-media"
    before = digest(snapshot(CACHED_BY_ID))
    with locked(folder / "demo.lock"):
        if kept_rows.exists():
            kept = json.loads(kept_rows.read_text(encoding="utf-8"))
            if kept["before"] == before:
                _BUILT["media"] = kept_media
                _BUILT["rows"] = {
                    "copy": {table: tuple(pair) for table, pair in kept["copy"].items()}
                }
                load_demo()
                return
        _build()
        if kept_rows.exists() or "copy" not in _BUILT["rows"]:
            return  # another start (the file stays the first worker's), or not PostgreSQL
        shutil.copytree(_BUILT["media"], kept_media, dirs_exist_ok=True)
        written = kept_rows.with_suffix(".partial")
        written.write_text(
            json.dumps({"before": before, "copy": _BUILT["rows"]["copy"]}), encoding="utf-8"
        )
        written.replace(kept_rows)


@contextlib.contextmanager
def locked(path: Path):
    """One process at a time; the others wait (the lock goes when its process ends, too)."""
    with path.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def digest(kept: dict) -> str:
    """The rows of ``snapshot()``, whatever order the tables returned them in."""
    contents = kept.get("copy") or {"json": ("", kept.get("json", ""))}
    hashed = hashlib.sha256()
    for table in sorted(contents):
        columns, text = contents[table]
        hashed.update(f"{table}({columns})\n".encode())
        for line in sorted(text.splitlines()):
            hashed.update(line.encode() + b"\n")
    return hashed.hexdigest()


def keep_media(media_root: Path) -> tempfile.TemporaryDirectory:
    """A copy of the demo's image files (originals and renditions), at their relative paths.

    Only the files the rows name: ``MEDIA_ROOT`` may be the checkout's media folder, which
    holds the files of earlier builds. The folder is removed when the process ends.
    """
    kept = tempfile.TemporaryDirectory(prefix="demo-media-")
    image_model = get_image_model()
    names = list(image_model.objects.values_list("file", flat=True))
    names += image_model.get_rendition_model().objects.values_list("file", flat=True)
    for name in names:
        source = media_root / name
        if source.is_file():
            target = Path(kept.name) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    return kept


def _tables() -> list[str]:
    return sorted(
        connection.introspection.django_table_names(only_existing=True, include_views=False)
    )


def _copy_columns(cursor, table: str) -> str:
    """The table's columns that ``COPY`` can write (not generated ones), quoted."""
    cursor.execute(
        "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0"
        " AND NOT attisdropped AND attgenerated = '' ORDER BY attnum",
        [connection.ops.quote_name(table)],
    )
    return ", ".join(connection.ops.quote_name(name) for (name,) in cursor.fetchall())


def snapshot(only: tuple[str, ...] = ()) -> dict:
    """Every table's rows (or ``only`` these tables'): ``COPY`` text on PostgreSQL, Django's
    serialization elsewhere."""
    if connection.vendor != "postgresql":
        return {"json": rows.serialize()}
    tables = {}
    with connection.cursor() as cursor:
        for table in only or _tables():
            columns = _copy_columns(cursor, table)
            out = io.StringIO()
            quoted = connection.ops.quote_name(table)
            cursor.cursor.copy_expert(f"COPY {quoted} ({columns}) TO STDOUT", out)
            tables[table] = (columns, out.getvalue())
    return {"copy": tables}


def restore(kept: dict) -> None:
    """Empty every table and put ``kept`` back; the sequences stay above every id in it."""
    if "json" in kept:
        rows.restore(kept["json"])
        return
    tables = kept["copy"]
    # One transaction (a savepoint in the caller's): rows that refer to each other go in
    # table by table, and their foreign keys are checked once all are back.
    with transaction.atomic(), connection.cursor() as cursor:
        # PostgreSQL refuses to empty a table with foreign keys still to check (rows the
        # transaction wrote before): check them first.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute(
            "TRUNCATE " + ", ".join(connection.ops.quote_name(table) for table in _tables())
        )
        for table, (columns, contents) in tables.items():
            if contents:
                quoted = connection.ops.quote_name(table)
                cursor.cursor.copy_expert(
                    f"COPY {quoted} ({columns}) FROM STDIN", io.StringIO(contents)
                )
        # Check the foreign keys now, not at a commit that never comes (Django's
        # constraint check after loading rows does the same).
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        raise_sequences(cursor, [table for table, (_columns, text) in tables.items() if text])


def raise_sequences(cursor, tables: list[str]) -> None:
    """Every id sequence of ``tables`` past the largest id in its table, never lowered.

    Rows built by another process (another worker's database), or kept before a flush that
    reset the sequences, may carry ids that this database's sequences have not reached: a
    later insert would collide with them. Sequences are not transactional: raised inside a
    rolled-back transaction they stay raised, which only skips ids.
    """
    cursor.execute(
        "SELECT seq.relname, tbl.relname, att.attname, COALESCE(s.last_value, 0)"
        " FROM pg_depend dep"
        " JOIN pg_class seq ON seq.oid = dep.objid AND seq.relkind = 'S'"
        " JOIN pg_class tbl ON tbl.oid = dep.refobjid"
        " JOIN pg_attribute att ON att.attrelid = tbl.oid AND att.attnum = dep.refobjsubid"
        " JOIN pg_sequences s ON s.schemaname = current_schema() AND s.sequencename = seq.relname"
        " WHERE dep.deptype IN ('a', 'i') AND tbl.relname = ANY(%s)",
        [tables],
    )
    quote = connection.ops.quote_name
    for sequence, table, column, handed_out in cursor.fetchall():
        cursor.execute(f"SELECT MAX({quote(column)}) FROM {quote(table)}")  # noqa: S608
        (largest,) = cursor.fetchone()
        if largest is not None and largest > handed_out:
            cursor.execute("SELECT setval(%s, %s)", [quote(sequence), largest])


# What ``built_once`` keeps: per name, the rows before the build, the rows after, its result.
_KEPT: dict[str, tuple[str, dict, object]] = {}


def built_once(name: str, build):
    """``build()``'s rows, made by its first call in the process and put back by later calls.

    For the small sites that many tests of a module build before anything else: each test
    still gets them inside its own transaction, and putting the rows back takes a fraction
    of building them. They are put back only when the database holds exactly what it held
    before the first build, row for row (nothing else made first by the test or a fixture,
    no earlier demo); otherwise ``build()`` runs as before. Returns what ``build()``
    returned the first time: ids, not model instances, which a test may change.
    """
    if connection.vendor != "postgresql":
        return build()
    now = snapshot()
    before = digest(now)
    kept = _KEPT.get(name)
    if kept is not None and kept[0] == before:
        put_back_changes(now, kept[1])
        return kept[2]
    result = build()
    _KEPT[name] = (before, snapshot(), result)
    return result


def put_back_changes(now: dict, kept: dict) -> None:
    """``kept`` in the database that holds ``now``: only the tables whose rows differ are
    emptied and filled again (emptying every table, as ``restore`` does, costs half a second
    however few rows there are)."""
    changed = [table for table, pair in kept["copy"].items() if now["copy"].get(table) != pair]
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        # Django's foreign keys are deferrable: rows that refer to each other are deleted
        # and put back table by table, and checked once all are back.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for table in changed:
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
        for table in changed:
            columns, contents = kept["copy"][table]
            if contents:
                cursor.cursor.copy_expert(
                    f"COPY {quote(table)} ({columns}) FROM STDIN", io.StringIO(contents)
                )
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        raise_sequences(cursor, [table for table in changed if kept["copy"][table][1]])
