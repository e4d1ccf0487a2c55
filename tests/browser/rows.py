"""A built site kept as rows and put back, instead of building it again.

Building the demo takes the better part of half a minute; its rows, serialized once per
test process, come back in a fraction of that. Used by the browser tests' ``demo_site``
and by the journeys' module sites.
"""

import shutil
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection


def serialize() -> str:
    return connection.creation.serialize_db_to_string()


def restore(contents: str) -> None:
    """Empty the database and put ``contents`` back, as Django's serialized rollback does."""
    # Deserializing a multi-table child (Wagtail's GroupApprovalTask) asks for its content
    # type before the content types are back; from an empty cache that creates the row
    # under a new id, and the serialized row then collides with it. Cached, it does not.
    ContentType.objects.get_for_models(*apps.get_models())
    # The sequences stay where they are, above every id that comes back.
    call_command(
        "flush",
        verbosity=0,
        interactive=False,
        reset_sequences=False,
        inhibit_post_migrate=True,
    )
    connection.creation.deserialize_db_from_string(contents)


def copy_media(source: Path, target: Path) -> None:
    """The built site's files (the demo's images) into another media folder."""
    if Path(source).exists():
        shutil.copytree(source, target, dirs_exist_ok=True)
