"""Stop one engine for the whole site, and lift the stop when the engine allows.

A quota spent (DeepL 456, Azure 403001) or a bad key (DeepL 403, Azure 401/403) stops every
job's use of that engine, not only the page that met it: a ``ServicePause`` row (per engine
and reason) says so to the next jobs and to the coordinators. The languages of the other
engine go on. The next job probes the engine (``engine.probe()``: DeepL's ``get_usage``,
billed nothing; Azure: one character translated) and lifts the pause as soon as the key
works and the quota has room again.
"""

import logging

from .deepl.errors import ConfigurationError, MachineTranslationError, QuotaExceeded
from .models import ServicePause

logger = logging.getLogger(__name__)


def pause(reason: str, message: str, engine: str = "deepl") -> None:
    ServicePause.objects.update_or_create(
        engine=engine, reason=reason, defaults={"message": message[:2000]}
    )


def active_pauses(engine: str | None = None) -> list[ServicePause]:
    rows = ServicePause.objects.order_by("created_at")
    if engine is not None:
        rows = rows.filter(engine=engine)
    return list(rows)


def probe_and_lift(engine) -> ServicePause | None:
    """Ask ``engine`` whether its paused reasons still hold; return the pause that does."""
    pauses = active_pauses(engine.name)
    if not pauses:
        return None
    mine = ServicePause.objects.filter(engine=engine.name)
    try:
        limit_reached = engine.probe()
    except ConfigurationError:
        return mine.filter(reason=ServicePause.CONFIG).first() or pauses[0]
    except QuotaExceeded:
        mine.filter(reason=ServicePause.CONFIG).delete()
        return mine.filter(reason=ServicePause.QUOTA).first() or pauses[0]
    except MachineTranslationError:
        logger.info("%s could not be probed; the pause stays", engine.name, exc_info=True)
        return pauses[0]
    mine.filter(reason=ServicePause.CONFIG).delete()
    if limit_reached:
        return mine.filter(reason=ServicePause.QUOTA).first()
    mine.filter(reason=ServicePause.QUOTA).delete()
    return None
