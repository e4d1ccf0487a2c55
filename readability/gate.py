"""Is a published Swedish page too hard to send to machine translation?

``verdict(page)`` says, from the page's LIX as published (``readability.published``; the
text as it stands for a page that is not live) and its site's setting: fine, warn (drafts
are made, the communicator and translators are told), or held (gate mode: no machine draft).
An override holds while the page's LIX is no higher than when it was given, so making the
text harder again closes the gate again; making it easier than the threshold opens it.
"""

from dataclasses import dataclass

from django.conf import settings

from readability.score import Lix

from . import published
from .models import DEFAULT_THRESHOLD, ReadabilityOverride, ReadabilitySettings

FINE = "fine"
WARN = "warn"
HELD = "held"


@dataclass(frozen=True)
class Verdict:
    state: str  # FINE, WARN or HELD
    lix: Lix
    threshold: int
    mode: str
    override: ReadabilityOverride | None = None

    @property
    def above(self) -> bool:
        return self.lix.score is not None and self.lix.score > self.threshold


def site_settings(page) -> tuple[int, str]:
    site = page.get_site()
    if site is None:
        return DEFAULT_THRESHOLD, ReadabilitySettings.WARN
    setting = ReadabilitySettings.for_site(site)
    return setting.threshold, setting.mode


def verdict(page) -> Verdict:
    page = page.specific
    threshold, mode = site_settings(page)
    lix = published.lix_of(page)
    if page.locale.language_code != settings.LANGUAGE_CODE or lix.score is None:
        return Verdict(FINE, lix, threshold, mode)
    if lix.score <= threshold:
        return Verdict(FINE, lix, threshold, mode)
    if mode != ReadabilitySettings.GATE:
        return Verdict(WARN, lix, threshold, mode)
    override = (
        ReadabilityOverride.objects.filter(page=page, score__gte=lix.score)
        .order_by("-created_at")
        .first()
    )
    return Verdict(WARN if override else HELD, lix, threshold, mode, override)


def held_detail(page) -> str:
    """The DraftStatus detail when the gate holds the page's machine drafts, else ""."""
    found = verdict(page)
    if found.state != HELD:
        return ""
    return f"LIX {found.lix.score} > {found.threshold}"
