"""The engine and time of a translated page's latest machine string, for disclosure.

Every machine string records its engine, model and time (``MachineProvenance``, written by
``translation.pipeline``). Readers' notices and the coordinators' report name the kind of
engine and the day from the page's latest machine string: the one that made the newest
wording readers may see. Strings machine-translated before provenance was kept have none.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from . import engines
from .models import MachineProvenance


@dataclass(frozen=True)
class Provenance:
    engine: str  # the engine's display name ("DeepL", "Azure AI Translator")
    date: date  # the local day of the latest machine string


def _of(engine: str | None, translated_at) -> Provenance | None:
    if not engine or translated_at is None:
        return None
    return Provenance(engines.display_name(engine), timezone.localdate(translated_at))


def _latest(locale_ref, key_ref):
    return MachineProvenance.objects.filter(
        string_translation__locale_id=locale_ref,
        string_translation__context__object_id=key_ref,
    ).order_by("-translated_at")


def latest_for(page) -> Provenance | None:
    """The latest machine string's engine and day for the translated ``page`` (one query)."""
    row = (
        _latest(page.locale_id, page.translation_key).values_list("engine", "translated_at").first()
    )
    return _of(*row) if row is not None else None


def annotate_latest(queryset, page_path: str = ""):
    """Annotate a queryset of pages (or of rows pointing to one through ``page_path``, e.g.
    ``"page__"``) with ``machine_engine`` and ``machine_at``: one query for the whole list."""
    latest = _latest(OuterRef(f"{page_path}locale_id"), OuterRef(f"{page_path}translation_key"))
    return queryset.annotate(
        machine_engine=Subquery(latest.values("engine")[:1]),
        machine_at=Subquery(latest.values("translated_at")[:1]),
    )


def of_annotated(row) -> Provenance | None:
    """The ``Provenance`` of a row annotated by ``annotate_latest``."""
    return _of(row.machine_engine, row.machine_at)
