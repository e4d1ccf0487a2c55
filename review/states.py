"""Review state per translated page and locale, derived from wagtail-localize's data.

Nothing here is kept by hand: the state follows from the ``Translation`` and its
``TranslationSource``, the ``StringTranslation`` rows (machine or manual, when updated), the
target page's revisions and live status, and the ``ReviewApproval`` records.

Rules, in order:

1. MISSING: no enabled ``Translation``, no target page, the target is only an alias of the
   Swedish page, or nothing has been translated yet and nothing is live.
2. STALE: the Swedish page was published after the translation was last brought up to date
   (the source re-extracted and the target saved since) or last approved.
3. While work is pending (target not live, a draft revision waits, or strings changed since
   the last publish): MACHINE_DRAFT when unapproved machine text waits and no person has
   touched it since; otherwise IN_REVIEW.
4. Published and up to date: PUBLISHED_MACHINE when machine strings remain that no approval
   covers, otherwise PUBLISHED_REVIEWED.

An approval covers the strings as they were when it was given: a string changed afterwards
(by a machine or a person) needs a new approval.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from core.sources import source_pages, translation_source_for

from .models import ReviewApproval


class State(models.TextChoices):
    MISSING = "missing", _("Saknas")
    MACHINE_DRAFT = "machine_draft", _("Maskinutkast väntar på granskning")
    IN_REVIEW = "in_review", _("Granskas")
    PUBLISHED_MACHINE = "published_machine", _("Publicerad med ogranskad maskintext")
    STALE = "stale", _("Inaktuell: källan har ändrats")
    PUBLISHED_REVIEWED = "published_reviewed", _("Publicerad och granskad")


# States that mean someone in that language has work to do, in queue order.
WAITING_STATES = [
    State.MACHINE_DRAFT,
    State.IN_REVIEW,
    State.STALE,
    State.PUBLISHED_MACHINE,
    State.MISSING,
]


@dataclass
class PageReview:
    source_page: Page
    locale: Locale
    state: State
    translation: Translation | None = None
    target_page: Page | None = None
    approval: ReviewApproval | None = None
    machine_strings: int = 0
    waiting_since: datetime | None = None
    unreviewed_machine_text: bool = False
    last_string_change: datetime | None = None
    extra: dict = field(default_factory=dict)

    @property
    def state_label(self):
        return self.state.label


def source_locale() -> Locale:
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def _string_translations(source: TranslationSource, locale: Locale) -> list[StringTranslation]:
    pairs = set(StringSegment.objects.filter(source=source).values_list("string_id", "context_id"))
    if not pairs:
        return []
    candidates = StringTranslation.objects.filter(
        locale=locale,
        translation_of_id__in={string_id for string_id, _ in pairs},
        context_id__in={context_id for _, context_id in pairs},
    )
    return [st for st in candidates if (st.translation_of_id, st.context_id) in pairs]


def latest_approval(page: Page, locale: Locale) -> ReviewApproval | None:
    return ReviewApproval.objects.filter(page=page, locale=locale).first()


def review_state(source_page: Page, locale: Locale) -> PageReview:
    """The review state of ``source_page`` in ``locale``."""
    source = translation_source_for(source_page)
    translation = target = approval = None
    strings: list[StringTranslation] = []
    if source is not None:
        translation = Translation.objects.filter(
            source=source, target_locale=locale, enabled=True
        ).first()
        target = (
            Page.objects.filter(translation_key=source_page.translation_key, locale=locale)
            .select_related("locale")
            .first()
        )
        if translation is not None and target is not None:
            strings = _string_translations(source, locale)
            approval = latest_approval(target, locale)
    return compute_state(source_page, locale, source, translation, target, strings, approval)


def compute_state(
    source_page: Page,
    locale: Locale,
    source: TranslationSource | None,
    translation: Translation | None,
    target: Page | None,
    strings: list[StringTranslation],
    approval: ReviewApproval | None,
) -> PageReview:
    """The rules of the module docstring, on data already loaded."""
    item = PageReview(source_page=source_page, locale=locale, state=State.MISSING)
    item.waiting_since = source_page.first_published_at or source_page.latest_revision_created_at
    item.translation = translation
    if source is None or translation is None or target is None or target.alias_of_id:
        return item
    item.target_page = target

    item.machine_strings = sum(
        st.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE for st in strings
    )
    last_change = max((st.updated_at for st in strings), default=None)
    item.last_string_change = last_change
    item.approval = approval
    approved_current = approval is not None and (
        last_change is None or approval.approved_at >= last_change
    )
    item.unreviewed_machine_text = item.machine_strings > 0 and not approved_current

    if not strings and not target.live:
        return item

    # Stale: the Swedish page was published again after the translation was last brought up
    # to date or approved. The target reflects the Swedish text as extracted at the latest
    # before both the source's last extraction and the target's last save.
    synced_at = None
    if target.latest_revision_created_at:
        synced_at = min(source.last_updated_at, target.latest_revision_created_at)
    baselines = [t for t in (synced_at, approval and approval.approved_at) if t]
    published_at = source_page.last_published_at
    if published_at and (not baselines or published_at > max(baselines)):
        item.state = State.STALE
        item.waiting_since = published_at
        return item

    published = target.last_published_at
    pending = (
        not target.live
        or target.has_unpublished_changes
        or (last_change is not None and (published is None or last_change > published))
    )
    if pending:
        human_since_publish = any(
            st.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL
            and (published is None or st.updated_at > published)
            for st in strings
        )
        if item.unreviewed_machine_text and not human_since_publish:
            item.state = State.MACHINE_DRAFT
        else:
            item.state = State.IN_REVIEW
        item.waiting_since = last_change or target.latest_revision_created_at
        return item

    if item.unreviewed_machine_text:
        item.state = State.PUBLISHED_MACHINE
        item.waiting_since = published
    else:
        item.state = State.PUBLISHED_REVIEWED
        item.waiting_since = approval.approved_at if approval else published
    return item


def review_items(language_codes: set[str] | None = None) -> list[PageReview]:
    """Every (source page, target locale) pair, for the given languages (``None``: all).

    Loads everything in a fixed number of queries, whatever the number of pages.
    """
    locales = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("language_code")
    if language_codes is not None:
        locales = locales.filter(language_code__in=language_codes)
    locales = list(locales)
    pages = list(source_pages())
    if not pages or not locales:
        return []
    keys = [page.translation_key for page in pages]
    source_locale_id = pages[0].locale_id

    sources = {}
    for source in TranslationSource.objects.filter(
        object_id__in=keys, locale_id=source_locale_id
    ).order_by("last_updated_at"):
        sources[source.object_id] = source  # the latest extraction wins
    translations = {
        (translation.source_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(
            source__in=sources.values(), target_locale__in=locales, enabled=True
        )
    }
    targets = {
        (target.translation_key, target.locale_id): target
        for target in Page.objects.filter(translation_key__in=keys, locale__in=locales)
    }
    pairs_by_source: dict[int, set[tuple[int, int]]] = {}
    for source_id, string_id, context_id in StringSegment.objects.filter(
        source__in=sources.values()
    ).values_list("source_id", "string_id", "context_id"):
        pairs_by_source.setdefault(source_id, set()).add((string_id, context_id))
    strings_by_key: dict[tuple[int, int, int], StringTranslation] = {}
    all_string_ids = {pair[0] for pairs in pairs_by_source.values() for pair in pairs}
    for st in StringTranslation.objects.filter(
        locale__in=locales, translation_of_id__in=all_string_ids
    ).only("translation_of_id", "context_id", "locale_id", "translation_type", "updated_at"):
        strings_by_key[(st.locale_id, st.translation_of_id, st.context_id)] = st
    approvals = {}
    for approval in ReviewApproval.objects.filter(
        page__in=[target.pk for target in targets.values()]
    ).order_by("approved_at", "pk"):
        approvals[(approval.page_id, approval.locale_id)] = approval  # the latest wins

    items = []
    for page in pages:
        source = sources.get(page.translation_key)
        for locale in locales:
            translation = target = approval = None
            strings = []
            if source is not None:
                translation = translations.get((source.pk, locale.pk))
                target = targets.get((page.translation_key, locale.pk))
                if target is not None:
                    target.locale = locale
                    approval = approvals.get((target.pk, locale.pk))
                    strings = [
                        strings_by_key[key]
                        for key in (
                            (locale.pk, string_id, context_id)
                            for string_id, context_id in pairs_by_source.get(source.pk, ())
                        )
                        if key in strings_by_key
                    ]
            items.append(
                compute_state(page, locale, source, translation, target, strings, approval)
            )
    return items


def review_state_for_target(page: Page) -> PageReview | None:
    """The review state of a translated page, seen from the page itself."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return None
    source_page = Page.objects.filter(
        translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if source_page is None:
        return None
    return review_state(source_page, page.locale)


# Source changes --------------------------------------------------------------------------


def source_segments_of(source: TranslationSource) -> list[list[str]]:
    """The source strings a translation was made from: [[context path, text], ...]."""
    return [
        [segment.context.path, segment.string.data]
        for segment in StringSegment.objects.filter(source=source)
        .select_related("context", "string")
        .order_by("order")
    ]


def current_source_segments(page: Page) -> list[list[str]]:
    """The strings of the Swedish page as it is now (live content)."""
    return [
        [segment.path, segment.string.data]
        for segment in extract_segments(page.specific)
        if isinstance(segment, StringSegmentValue)
    ]


@dataclass(frozen=True)
class SourceChange:
    path: str
    kind: str  # "changed", "added" or "removed"
    before: str
    after: str


def source_changes(item: PageReview) -> list[SourceChange]:
    """What changed in the Swedish text since the translation was approved or made."""
    if item.approval is not None and item.approval.source_segments:
        before = item.approval.source_segments
    else:
        source = translation_source_for(item.source_page)
        before = source_segments_of(source) if source else []
    after = current_source_segments(item.source_page)
    before_map = dict(map(tuple, before))
    after_map = dict(map(tuple, after))
    changes = []
    for path, text in after_map.items():
        if path not in before_map:
            changes.append(SourceChange(path, "added", "", text))
        elif before_map[path] != text:
            changes.append(SourceChange(path, "changed", before_map[path], text))
    for path, text in before_map.items():
        if path not in after_map:
            changes.append(SourceChange(path, "removed", text, ""))
    return changes


def approve(item: PageReview, user) -> ReviewApproval:
    """Record that ``user`` approved the current text of ``item``'s target page."""
    target = item.target_page
    return ReviewApproval.objects.create(
        page=target,
        locale=item.locale,
        revision=target.latest_revision,
        approved_by=user,
        # The approver checked the translation against the Swedish text as it is now.
        source_segments=current_source_segments(item.source_page),
    )
