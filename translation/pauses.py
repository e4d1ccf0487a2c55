"""Stop machine translation for the whole site, and lift the stop when DeepL allows.

A 456 (quota exceeded) or a 403 (bad key) from DeepL stops every job, not only the page
that met it: a ``ServicePause`` row says so to the next jobs and to the coordinators. The
next job probes DeepL with ``get_usage`` (cheap, billed nothing) and lifts the pause as
soon as the key works and the quota has room again.
"""

import logging

from .deepl.errors import ConfigurationError, MachineTranslationError
from .models import ServicePause

logger = logging.getLogger(__name__)


def pause(reason: str, message: str) -> None:
    ServicePause.objects.update_or_create(reason=reason, defaults={"message": message[:2000]})


def active_pauses() -> list[ServicePause]:
    return list(ServicePause.objects.order_by("created_at"))


def probe_and_lift(translator) -> ServicePause | None:
    """Ask DeepL whether the paused reasons still hold; return the pause that does."""
    pauses = active_pauses()
    if not pauses:
        return None
    try:
        usage = translator.get_usage()
    except ConfigurationError:
        return ServicePause.objects.filter(reason=ServicePause.CONFIG).first() or pauses[0]
    except MachineTranslationError:
        logger.info("DeepL could not be probed; the pause stays", exc_info=True)
        return pauses[0]
    ServicePause.objects.filter(reason=ServicePause.CONFIG).delete()
    if usage.character.limit_reached:
        return ServicePause.objects.filter(reason=ServicePause.QUOTA).first()
    ServicePause.objects.filter(reason=ServicePause.QUOTA).delete()
    return None
