"""The demo (``load_demo --no-users``) built once per test process, then put back from its rows.

Building the demo takes about half a minute, and seven modules read it without testing the
loader itself: each built it again (one of them for every test). Now the first of them in a
process (an xdist worker) builds it and keeps its rows and its images; the others put those
back with PostgreSQL's ``COPY``, which takes a second or two (elsewhere, as Django's
serialized rollback does: ``tests/browser/rows.py``).

Call ``load_demo`` where the database holds only what migrations made, inside the caller's
transaction (a ``django_db`` test, ``setUpTestData`` or a module fixture's ``atomic``): the
rows are emptied and put back inside it, so its rollback returns the database to the
migrations' rows for the tests that follow, as the build's own rollback did. The loaders'
own tests (tests/devtools/test_demo_loader.py) still run the command.
"""

import io
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import TestCase

from wagtail.images import get_image_model

from tests.browser import rows

# The first build's rows and images, for the rest of the process.
_BUILT: dict = {}


def load_demo() -> None:
    """The demo content in the database and its images under the current ``MEDIA_ROOT``."""
    if _BUILT:
        rows.copy_media(_BUILT["media"].name, settings.MEDIA_ROOT)
        restore(_BUILT["rows"])
        # As the build does: nothing cached before it describes the new content.
        cache.clear()
        return
    # The command runs in its own atomic block; what it defers to the commit (the content
    # cache's next generation) runs here, as in the tests that executed it.
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo", "--no-users", stdout=io.StringIO())
    _BUILT["media"] = keep_media(Path(settings.MEDIA_ROOT))
    _BUILT["rows"] = snapshot()


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


def snapshot() -> dict:
    """Every table's rows: ``COPY`` text on PostgreSQL, Django's serialization elsewhere."""
    if connection.vendor != "postgresql":
        return {"json": rows.serialize()}
    tables = {}
    with connection.cursor() as cursor:
        for table in _tables():
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
