"""The release: a digest of what a deploy renders with, to name what is kept across requests.

Kept parts (``core.fragments``), the review queue's and the explorer's kept rows and the
figures kept for one language's content (``core.content_cache.cached_in_language``) name it
in their keys, so that a deploy that changes how something looks or is counted never serves
what the previous release left in the shared cache.
"""

import functools
import hashlib
import os
from pathlib import Path

import django

import wagtail

BASE_DIR = Path(__file__).resolve().parent.parent
# What a release renders with (its static files too: a part may name their hashed URLs);
# the rest of the tree (uploads, collected copies, the virtualenv) is not the release's own.
RELEASE_SUFFIXES = {".py", ".html", ".txt", ".mo", ".css", ".js"}
NOT_RELEASE = {".venv", "node_modules", "media", "staticfiles", ".git", "__pycache__"}


@functools.cache
def release() -> str:
    """A digest of the project's code, templates and compiled catalogs, and of Wagtail's
    and Django's versions: the same on every host of a release, read once per process."""
    digest = hashlib.sha256(f"{django.__version__} {wagtail.__version__}".encode())
    for path in sorted(_release_files(BASE_DIR)):
        digest.update(str(path.relative_to(BASE_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _release_files(directory: Path):
    for entry in os.scandir(directory):
        if entry.is_dir(follow_symlinks=False):
            if entry.name not in NOT_RELEASE:
                yield from _release_files(Path(entry.path))
        elif Path(entry.name).suffix in RELEASE_SUFFIXES:
            yield Path(entry.path)
