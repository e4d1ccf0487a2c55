"""Review state per translated page and locale, derived from wagtail-localize's data.

Nothing here is kept by hand: the state follows from the ``Translation`` and its
``TranslationSource``, the ``StringTranslation`` rows (machine or manual, carried over from
an older source text or not), the target page's live status and revisions, the per-string
approvals (``StringApproval``) and the source strings each translation was made from
(``translation.fingerprints``).

Rules, in order:

1. MISSING: no enabled ``Translation``, no target page, the target is only an alias of the
   Swedish page, or nothing has been translated yet and nothing is live.
2. STALE: the translation does not yet say what the Swedish page as last published says.
   Either the Swedish strings the target was last made from differ from the strings of the
   Swedish page (content, not timestamps: republishing unchanged text makes nothing
   stale; ``source_behind``), or the target was brought up to date but a person's
   translation of the older text was carried over to a changed string and nobody has
   checked it yet (``strings_to_check``, ``translation.carry_forward``). ``is_stale`` is the
   one rule; the queue, the coverage report, the draft status page, the digests and the
   editor's string footers all read it from here.
3. While work is pending (target not live, a draft revision waits, or strings changed since
   the last publish): MACHINE_DRAFT when unapproved machine text waits and no person has
   touched it since; otherwise IN_REVIEW.
4. Published and up to date: PUBLISHED_MACHINE when machine strings remain that no approval
   covers, otherwise PUBLISHED_REVIEWED.

Approvals are per string and cover the text as it was approved: a string whose text
changes, or the new string of a changed Swedish segment, needs a new approval; the other
strings of the page keep theirs.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import models, transaction
from django.dispatch import Signal
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from core.sources import source_pages, translation_source_for
from translation import fingerprints
from translation.carry_forward import TOOL_NAME as CARRIED
from translation.models import SourceStrings, TranslatedFrom, text_hash

from .models import ReaderNotice, ReviewApproval, StringApproval


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
    # Translations carried over from an older Swedish text that nobody has checked yet.
    strings_to_check: int = 0
    last_string_change: datetime | None = None
    strings: list = field(default_factory=list)
    made_from: TranslatedFrom | None = None
    source_strings: SourceStrings | None = None
    # The target was made from older Swedish strings than the page's (refresh it first).
    source_behind: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def state_label(self):
        return self.state.label


def is_stale(made_from, current, strings_to_check: int) -> bool:
    """The one staleness rule (module docstring, rule 2)."""
    return source_is_behind(made_from, current) or strings_to_check > 0


def source_is_behind(made_from, current) -> bool:
    known = made_from is not None and current is not None
    return known and made_from.fingerprint != current.fingerprint


def is_carried_unchecked(string_translation, approval) -> bool:
    """A person's translation of an older Swedish text, carried to the changed string and
    not checked since (what makes a string stale in the editor's footer)."""
    return string_translation.tool_name == CARRIED and not (
        approval is not None and approval.covers(string_translation)
    )


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


def string_approvals(strings) -> dict[int, StringApproval]:
    return {
        approval.string_translation_id: approval
        for approval in StringApproval.objects.filter(
            string_translation_id__in=[st.pk for st in strings]
        )
    }


def latest_approval(page: Page, locale: Locale) -> ReviewApproval | None:
    return ReviewApproval.objects.filter(page=page, locale=locale).first()


def review_state(source_page: Page, locale: Locale) -> PageReview:
    """The review state of ``source_page`` in ``locale``."""
    source = translation_source_for(source_page)
    translation = target = approval = made_from = current = None
    strings: list[StringTranslation] = []
    approvals: dict[int, StringApproval] = {}
    if source is not None:
        target = (
            Page.objects.filter(translation_key=source_page.translation_key, locale=locale)
            .select_related("locale")
            .first()
        )
        translations = Translation.objects.filter(source=source, target_locale=locale)
        if target is None or not target.live:
            translations = translations.filter(enabled=True)
        # A stopped translation of a live page still says what readers see.
        translation = translations.order_by("-enabled").first()
        if translation is not None and target is not None and not target.alias_of_id:
            strings = _string_translations(source, locale)
            approvals = string_approvals(strings)
            approval = latest_approval(target, locale)
            made_from = fingerprints.made_from(translation)
            current = fingerprints.current_source(source_page)
    return compute_state(
        source_page,
        locale,
        source,
        translation,
        target,
        strings,
        approval,
        approvals=approvals,
        made_from=made_from,
        current=current,
        live_machine=_live_machine(target),
    )


def _live_machine(target: Page | None) -> bool | None:
    if target is None or not target.live:
        return None
    row = ReaderNotice.objects.filter(page_id=target.pk).first()
    return row.machine_text if row is not None else None


def compute_state(
    source_page: Page,
    locale: Locale,
    source: TranslationSource | None,
    translation: Translation | None,
    target: Page | None,
    strings: list[StringTranslation],
    approval: ReviewApproval | None,
    *,
    approvals: dict[int, StringApproval],
    made_from: TranslatedFrom | None,
    current: SourceStrings | None,
    live_machine: bool | None = None,
) -> PageReview:
    """The rules of the module docstring, on data already loaded."""
    item = PageReview(source_page=source_page, locale=locale, state=State.MISSING)
    item.waiting_since = source_page.first_published_at or source_page.latest_revision_created_at
    item.translation = translation
    if source is None or translation is None or target is None or target.alias_of_id:
        return item
    item.target_page = target
    item.strings = strings
    item.made_from, item.source_strings = made_from, current

    unapproved = [st for st in strings if st.pk not in approvals or not approvals[st.pk].covers(st)]
    item.machine_strings = sum(
        st.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE for st in strings
    )
    item.unreviewed_machine_text = any(
        st.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE for st in unapproved
    )
    item.strings_to_check = sum(is_carried_unchecked(st, approvals.get(st.pk)) for st in strings)
    last_change = max((st.updated_at for st in strings), default=None)
    item.last_string_change = last_change
    item.approval = approval

    if not strings and not target.live:
        return item

    item.source_behind = source_is_behind(made_from, current)
    if is_stale(made_from, current, item.strings_to_check):
        item.state = State.STALE
        item.waiting_since = source_page.last_published_at
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

    # Carried strings nobody has checked made the page STALE above.
    if item.unreviewed_machine_text if live_machine is None else live_machine:
        # ``live_machine``: the reader-notice flag, i.e. the check of the live text itself.
        item.state = State.PUBLISHED_MACHINE
        item.waiting_since = published
    else:
        item.state = State.PUBLISHED_REVIEWED
        item.waiting_since = approval.approved_at if approval else published
    return item


def review_items(
    language_codes: set[str] | None = None,
    *,
    pages=None,
    locale_ids=None,
    only: set[tuple[int, int]] | None = None,
) -> list[PageReview]:
    """Every (source page, target locale) pair, for the given languages (``None``: all).

    Loads everything in a fixed number of queries, whatever the number of pages (pages
    published before their strings were recorded are recorded on the way, once). ``pages``
    (Swedish pages) and ``locale_ids`` narrow it, ``only`` keeps the (page id, locale id)
    pairs named (``review.stored_states`` computes the pairs that changed, the queue the
    pairs it shows).
    """
    locales = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("language_code")
    if language_codes is not None:
        locales = locales.filter(language_code__in=language_codes)
    if locale_ids is not None:
        locales = locales.filter(pk__in=locale_ids)
    locales = list(locales)
    pages = list(source_pages() if pages is None else pages)
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
        # Stopped translations too (an enabled one wins): one of a live page still counts.
        for translation in Translation.objects.filter(
            source__in=sources.values(), target_locale__in=locales
        ).order_by("enabled")
    }
    wanted_targets = models.Q(translation_key__in=keys, locale__in=locales)
    if only is not None:
        # The target pages of the named pairs only, not every page's in every language.
        key_of = {page.pk: page.translation_key for page in pages}
        wanted_targets = models.Q(pk__in=[])
        for locale in locales:
            locale_keys = [key_of[p] for p, loc in only if loc == locale.pk and p in key_of]
            if locale_keys:
                wanted_targets |= models.Q(locale=locale, translation_key__in=locale_keys)
    targets = {
        (target.translation_key, target.locale_id): target
        for target in Page.objects.filter(wanted_targets)
    }
    pairs_by_source: dict[int, set[tuple[int, int]]] = {}
    for source_id, string_id, context_id in StringSegment.objects.filter(
        source__in=sources.values()
    ).values_list("source_id", "string_id", "context_id"):
        pairs_by_source.setdefault(source_id, set()).add((string_id, context_id))
    strings_by_key: dict[tuple[int, int, int], StringTranslation] = {}
    all_string_ids = {pair[0] for pairs in pairs_by_source.values() for pair in pairs}
    wanted = models.Q(locale__in=locales, translation_of_id__in=all_string_ids)
    if only is not None:
        # The strings of the named pairs only, language by language, not of every page in
        # every language asked for.
        source_ids = {
            page.pk: sources[page.translation_key].pk
            for page in pages
            if page.translation_key in sources
        }
        wanted = models.Q(pk__in=[])
        for locale in locales:
            ids = {
                pair[0]
                for page_id, locale_id in only
                if locale_id == locale.pk and page_id in source_ids
                for pair in pairs_by_source.get(source_ids[page_id], ())
            }
            if ids:
                wanted |= models.Q(locale=locale, translation_of_id__in=ids)
    for st in StringTranslation.objects.filter(wanted).only(
        "translation_of_id",
        "context_id",
        "locale_id",
        "translation_type",
        "tool_name",
        "data",
        "updated_at",
    ):
        strings_by_key[(st.locale_id, st.translation_of_id, st.context_id)] = st
    approvals = string_approvals(strings_by_key.values())
    page_approvals = {}
    for approval in ReviewApproval.objects.filter(
        page__in=[target.pk for target in targets.values()]
    ).order_by("approved_at", "pk"):
        page_approvals[(approval.page_id, approval.locale_id)] = approval  # the latest wins
    made_from = {
        row.translation_id: row
        for row in TranslatedFrom.objects.filter(translation__in=translations.values())
    }
    current = {
        row.page_id: row
        for row in SourceStrings.objects.filter(page__in=[page.pk for page in pages])
    }

    notices = dict(
        ReaderNotice.objects.filter(
            page_id__in=[target.pk for target in targets.values() if target.live]
        ).values_list("page_id", "machine_text")
    )

    items = []
    for page in pages:
        source = sources.get(page.translation_key)
        for locale in locales:
            if only is not None and (page.pk, locale.pk) not in only:
                continue
            translation = target = approval = None
            strings = []
            if source is not None:
                translation = translations.get((source.pk, locale.pk))
                target = targets.get((page.translation_key, locale.pk))
                stopped = translation is not None and not translation.enabled
                if stopped and (target is None or not target.live):
                    translation = None
                if target is not None:
                    target.locale = locale
                    approval = page_approvals.get((target.pk, locale.pk))
                    strings = [
                        strings_by_key[key]
                        for key in (
                            (locale.pk, string_id, context_id)
                            for string_id, context_id in pairs_by_source.get(source.pk, ())
                        )
                        if key in strings_by_key
                    ]
            row = source_row = None
            if translation is not None and target is not None and not target.alias_of_id:
                row = made_from.get(translation.pk) or fingerprints.made_from(translation)
                if page.pk not in current:
                    current[page.pk] = fingerprints.current_source(page)
                source_row = current[page.pk]
            items.append(
                compute_state(
                    page,
                    locale,
                    source,
                    translation,
                    target,
                    strings,
                    approval,
                    approvals=approvals,
                    made_from=row,
                    current=source_row,
                    live_machine=notices.get(target.pk) if target is not None else None,
                )
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


@dataclass(frozen=True)
class SourceChange:
    path: str
    kind: str  # "changed", "added" or "removed"
    before: str
    after: str


def source_changes(item: PageReview) -> list[SourceChange]:
    """What changed in the Swedish text since the translation's target was made."""
    if item.made_from is None or item.source_strings is None:
        return []
    before, after = item.made_from.segments, item.source_strings.segments
    before_map: dict[str, list[str]] = {}
    for path, text in before:
        before_map.setdefault(path, []).append(text)
    after_map: dict[str, list[str]] = {}
    for path, text in after:
        after_map.setdefault(path, []).append(text)
    changes = []
    for path, texts in after_map.items():
        old = before_map.get(path)
        if old is None:
            changes.extend(SourceChange(path, "added", "", text) for text in texts)
        elif old != texts:
            changes.append(SourceChange(path, "changed", " ".join(old), " ".join(texts)))
    for path, texts in before_map.items():
        if path not in after_map:
            changes.extend(SourceChange(path, "removed", text, "") for text in texts)
    return changes


# Sent when a page's strings were approved, with its review state as it is now. The stored
# reader-notice flag (``review.notice_flags``) listens: it builds on this module, so this
# module does not import it.
strings_approved = Signal()


def approve(item: PageReview, user) -> ReviewApproval:
    """Record that ``user`` approved every string of ``item``'s target page as it reads now."""
    with transaction.atomic():
        approve_strings(item.strings, user)
        record = ReviewApproval.objects.create(
            page=item.target_page,
            locale=item.locale,
            revision=item.target_page.latest_revision,
            approved_by=user,
            # The approver checked the translation against the Swedish text as it is now.
            source_segments=item.source_strings.segments if item.source_strings else [],
        )
        strings_approved.send(sender=PageReview, item=review_state(item.source_page, item.locale))
    return record


def approve_strings(strings, user) -> None:
    for st in strings:
        StringApproval.objects.update_or_create(
            string_translation=st,
            defaults={"text_hash": text_hash(st.data), "approved_by": user},
        )
