"""Pages in bulk: thousands of children under one parent in a few INSERTs.

``Page.add_child`` locks and reads the parent, inserts one row per table and saves a
revision, page by page: minutes for the scale demo's tens of thousands of pages. Here the
materialised paths (treebeard: four base-36 characters a level) are computed from the
parent's last child, the ``wagtailcore_page`` rows go in with one ``bulk_create`` and each
page type's own table with one multi-row insert of its own columns (Django's
``bulk_create`` refuses multi-table models). Every page gets one revision, its latest
(and, when live, its live) revision, as a page published once has.

Nothing is sent: no ``page_published`` signal, no search indexing, no cache purge. The
caller indexes the pages and bumps the shared-cache generation itself.

Why a writer of its own beside the builders (``devtools/builders``): a builder's
``create`` is ``Page.add_child`` and a publish, the per-page path this module exists to
avoid (``--scale 100`` makes some 28,000 pages). The pages' field values still come from
the builders: ``devtools/demo/scale_pages.py`` makes each unsaved page with its builder's
``build``, and only the saving happens here.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from django.utils import timezone

from wagtail.models import Page, Revision

BATCH = 500


def add_children(parent: Page, pages: list[Page], *, published_at=None) -> list[Page]:
    """Append ``pages`` (unsaved specific instances of one or more types) under ``parent``.

    Each page needs its ``title``, ``slug``, ``locale`` and, for translations, its
    ``translation_key``; ``live`` decides whether it is published (with
    ``published_at``, default now) or a draft never published.
    """
    if not pages:
        return []
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    start = Page._str2int(last.path[-Page.steplen :]) if last is not None else 0
    now = published_at or timezone.now()
    depth = parent.depth + 1
    for offset, page in enumerate(pages, start=1):
        page.path = Page._get_path(parent.path, depth, start + offset)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.content_type = ContentType.objects.get_for_model(type(page))
        page.has_unpublished_changes = not page.live
        page.first_published_at = now if page.live else None
        page.last_published_at = now if page.live else None
        page.latest_revision_created_at = now
    # The base table through the base model: bulk_create sets each page's id.
    Page.objects.bulk_create(pages, batch_size=BATCH)
    by_type: dict[type, list[Page]] = {}
    for page in pages:
        page.page_ptr_id = page.id
        by_type.setdefault(type(page), []).append(page)
    for model, members in by_type.items():
        fields = [field for field in model._meta.local_concrete_fields]
        for begin in range(0, len(members), BATCH):
            model._base_manager._insert(members[begin : begin + BATCH], fields=fields)
        for page in members:
            page._state.adding = False
            page._state.db = connection.alias
    _many_to_many(pages)
    _revisions(pages, now)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


def _many_to_many(pages: list[Page]) -> None:
    """The pages' ParentalManyToMany values, set before the insert as ``page._m2m``."""
    rows: dict[type, list] = {}
    for page in pages:
        for name, values in getattr(page, "_m2m", {}).items():
            field = type(page)._meta.get_field(name)
            through = field.remote_field.through
            source = field.m2m_field_name()
            target = field.m2m_reverse_field_name()
            rows.setdefault(through, []).extend(
                through(**{f"{source}_id": page.pk, f"{target}_id": value.pk}) for value in values
            )
    for through, members in rows.items():
        through.objects.bulk_create(members, batch_size=BATCH)


def _revisions(pages: list[Page], now) -> None:
    """One revision per page: its latest, and its live one when the page is published."""
    base = ContentType.objects.get_for_model(Page)
    revisions = [
        Revision(
            content_type=page.content_type,
            base_content_type=base,
            object_id=str(page.pk),
            created_at=now,
            object_str=page.title,
            content=page.serializable_data(),
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions, batch_size=BATCH)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision_id = revision.pk
        page.live_revision_id = revision.pk if page.live else None
    Page.objects.bulk_update(pages, ["latest_revision", "live_revision"], batch_size=BATCH)
