"""The draft service: bring every target locale's draft of a source page up to date.

For one published source page and each target locale (``translate_page``):

1. the page's untranslated ancestors are translated first, as drafts, so that
   wagtail-localize never creates them as live aliases of the Swedish pages (its
   ``copy_parent_pages`` does that, even with ``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE``
   off; upstream #463; guarded in ``tests/upstream/test_upstream_wagtail_localize.py``);
2. the ``TranslationSource`` is refreshed from the live page and a ``Translation`` made;
3. segments with no translation at all (no ``StringTranslation`` row, whatever its type)
   are filled, in this order, from a person's translation of the identical text (memory),
   from the person's translation of the text this segment replaced, marked for checking
   (``carry_forward``), from any translation of the identical text (memory), and only then
   sent to the language's engine (``translation.engines``: DeepL or Azure AI Translator)
   in batches; each machine string records its engine, model and time
   (``MachineProvenance``). Nothing that exists is overwritten, so manual translations are
   never touched; a carried translation gets the machine translation of the new text
   offered beside it, not instead of it;
4. the target is saved as a draft revision (``save_target(publish=False)``) and checked:
   wagtail-localize's ``TranslationCreator`` would swallow a ``ValidationError`` here, and
   a new page must not have gone live. A draft already up to date is not saved again (no
   empty revision when the Swedish text is republished unchanged), but recorded as made
   from the current source strings (``fingerprints``).

Each locale runs in its own transaction behind a lock on its ``DraftStatus`` row, so two
jobs for the same page leave one consistent draft. Engine errors are caught inside: the
batches already done are kept and the draft is saved with them, and the status tells
what happens next (retry, quota, budget, configuration error).
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext

from wagtail.models import Locale, Page
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from core.sources import translation_source_for
from readability import gate as readability_gate

from . import carry_forward, drafts, fingerprints, memory, pauses, strings
from .deepl.errors import (
    BudgetExhausted,
    ConfigurationError,
    LanguageBudgetExhausted,
    MachineTranslationError,
    QuotaExceeded,
    RequestRejected,
    RetryLater,
)
from .deepl.translator import DeepLMachineTranslator
from .engines import get_engine
from .engines.deepl import DeepLEngine
from .models import CarriedForward, DraftStatus, MachineProvenance, ServicePause
from .policy import engine_name_for, machine_translation_allowed
from .protect import protected_terms

logger = logging.getLogger(__name__)

MACHINE = "machine"
ALIAS_DETAIL = (
    "Sidan är ett alias av källsidan; konvertera den i redigeraren för att översätta den."
)


def get_translator() -> DeepLMachineTranslator | None:
    translator = get_machine_translator()
    if isinstance(translator, DeepLMachineTranslator) and translator.is_configured():
        return translator
    return None


class _EngineState:
    """One job's view of one engine: configured, paused, stopped part-way."""

    def __init__(self, engine, not_configured_detail: str):
        self.engine = engine  # None: not configured
        self.not_configured_detail = not_configured_detail
        self.stopped: str | None = None
        self.detail = ""
        self._checked = False

    def stop(self, status: str, detail: str) -> None:
        self.stopped, self.detail = status, detail

    def check(self) -> None:
        if self._checked:
            return
        self._checked = True
        if self.engine is None:
            self.stop(DraftStatus.NOT_CONFIGURED, self.not_configured_detail)
            return
        still = pauses.probe_and_lift(self.engine)
        if still is not None:
            status = (
                DraftStatus.CONFIG_ERROR
                if still.reason == ServicePause.CONFIG
                else DraftStatus.PAUSED_QUOTA
            )
            self.stop(status, still.message)
            return
        try:
            self.engine.check()
        except ConfigurationError as error:
            pauses.pause(ServicePause.CONFIG, str(error), self.engine.name)
            self.stop(DraftStatus.CONFIG_ERROR, str(error))
        except MachineTranslationError as error:
            self.stop(DraftStatus.RETRY, str(error))


class Session:
    """One job's view of the engines (``translation.engines``), one state per engine."""

    def __init__(self, translator: DeepLMachineTranslator | None = None):
        self.translator = translator if translator is not None else get_translator()
        self.sources: dict[int, TranslationSource] = {}
        self._states: dict[str, _EngineState] = {}

    def state(self, name: str) -> _EngineState:
        if name not in self._states:
            if name == "deepl":
                engine = DeepLEngine(self.translator) if self.translator is not None else None
            else:
                engine = get_engine(name)
                engine = engine if engine.is_configured() else None
            detail = get_engine(name).not_configured_detail() if engine is None else ""
            self._states[name] = _EngineState(engine, detail)
        return self._states[name]

    def state_for(self, locale) -> _EngineState:
        return self.state(engine_name_for(locale))

    def mode(self, locale) -> tuple[str, str]:
        """``(MACHINE, "")`` or the status (and detail) a locale gets without its engine."""
        if not machine_translation_allowed(locale):
            return DraftStatus.DISABLED, ""
        state = self.state_for(locale)
        state.check()
        if state.engine is not None:
            try:
                if not state.engine.supports(locale):
                    return DraftStatus.HUMAN_ONLY, ""
            except MachineTranslationError:
                pass  # the engine cannot be asked: the reason is in state.stopped
        if state.stopped:
            return state.stopped, state.detail
        return MACHINE, ""


@dataclass
class Counts:
    memory: int = 0
    machine: int = 0
    flagged: int = 0
    carried: int = 0


def target_locales(codes=None) -> list[Locale]:
    order = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    if codes:
        order = [code for code in order if code in set(codes)]
    found = {
        locale.language_code: locale for locale in Locale.objects.filter(language_code__in=order)
    }
    return [found[code] for code in order if code in found]


def translate_page(page_id: int, locale_codes=None, session: Session | None = None) -> dict:
    """Update the drafts of a published source page; return ``{language: status}``."""
    page = Page.objects.filter(pk=page_id).select_related("locale").first()
    if page is None or not page.live or page.locale.language_code != settings.LANGUAGE_CODE:
        return {}
    page = page.specific
    session = session or Session()
    return {
        locale.language_code: translate_into(page, locale, session).status
        for locale in target_locales(locale_codes)
    }


def translate_into(page: Page, locale: Locale, session: Session) -> DraftStatus:
    """Bring the draft of ``page`` in ``locale`` up to date (one transaction)."""
    _ensure_ancestors(page, locale, session)
    try:
        source = _source_for(page, session)
        with transaction.atomic():
            row = _lock_status(page, locale)
            if _translate_locked(page, source, locale, session, row):
                row.save()
            return row
    except OperationalError as error:
        # The database was busy (SQLite locked) or the connection dropped: nothing was saved
        # (rolled back); the job queues itself again later.
        logger.warning("Translating page %s into %s: database error, retry later", page.pk, locale)
        row, _created = DraftStatus.objects.update_or_create(
            page=page,
            locale=locale,
            defaults={"status": DraftStatus.RETRY, "detail": str(error)[:2000]},
        )
        return row
    except Exception as error:
        logger.exception("Translating page %s into %s failed", page.pk, locale)
        row, _created = DraftStatus.objects.update_or_create(
            page=page,
            locale=locale,
            defaults={"status": DraftStatus.FAILED, "detail": str(error)[:2000]},
        )
        return row


def _ensure_ancestors(page: Page, locale: Locale, session: Session) -> None:
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if ancestor.locale_id == page.locale_id and not ancestor.has_translation(locale):
            translate_into(ancestor, locale, session)


def _source_for(page: Page, session: Session) -> TranslationSource:
    """The page's ``TranslationSource``, refreshed from the live page once per job."""
    if page.pk not in session.sources:
        try:
            with transaction.atomic():
                source, _created = TranslationSource.update_or_create_from_instance(page)
        except IntegrityError:
            # Another job created it at the same moment: take theirs, refreshed.
            source, _created = TranslationSource.update_or_create_from_instance(page)
        session.sources[page.pk] = source
    return session.sources[page.pk]


def _lock_status(page: Page, locale: Locale) -> DraftStatus:
    try:
        with transaction.atomic():
            DraftStatus.objects.get_or_create(page=page, locale=locale)
    except IntegrityError:
        pass
    return DraftStatus.objects.select_for_update().get(page=page, locale=locale)


def missing_segments(source: TranslationSource, locale: Locale) -> list[StringSegment]:
    """Segments of ``source`` with no translation into ``locale`` in their own context."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        locale=locale,
        context_id=OuterRef("context_id"),
    )
    return list(
        StringSegment.objects.filter(source=source)
        .annotate(done=Exists(translated))
        .filter(done=False)
        .select_related("string")
        .order_by("order")
    )


def _translate_locked(page, source, locale, session: Session, row: DraftStatus) -> bool:
    """Update the draft; whether the status row changed (nothing to do: it did not)."""
    target = page.get_translation_or_none(locale)
    translation = Translation.objects.filter(source=source, target_locale=locale).first()
    if (translation is not None and not translation.enabled) or (
        translation is None and target is not None and not target.alias_of_id
    ):
        # The translators chose to edit this page directly in Wagtail's editor.
        _set(row, DraftStatus.SKIPPED, "", Counts(), 0)
        return True
    if target is not None and target.alias_of_id:
        # A live copy of the source page (made by wagtail-localize for a child's sake):
        # converting it would publish it. The translators convert it in the editor.
        _set(row, DraftStatus.SKIPPED, ALIAS_DETAIL, Counts(), 0)
        return True
    if translation is None:
        translation = Translation.objects.create(source=source, target_locale=locale)

    counts = Counts()
    missing = missing_segments(source, locale)
    had_missing = bool(missing)
    counts.memory, missing = memory.fill_from_memory(missing, locale, human_only=True)
    carried, missing = carry_forward.carry_forward(missing, locale)
    counts.carried = len(carried)
    # An agency's pairs (TMX) before reused machine text: drafts a person must review.
    from_agency, missing = memory.fill_from_agency_memory(missing, locale)
    from_memory, missing = memory.fill_from_memory(missing, locale)
    counts.memory += from_agency + from_memory
    status, detail = session.mode(locale)
    if status == MACHINE and (held := readability_gate.held_detail(page)):
        status, detail = DraftStatus.HELD_READABILITY, held  # gate mode (readability/gate.py)
    if status == MACHINE:
        # Offers not made before (DeepL was paused, or carried by the queue's refresh).
        waiting = carry_forward.open_carries(source, locale).filter(machine_text="")
        offers = {row.pk: row for row in [*carried, *waiting]}
        status, detail = _machine_translate(
            missing,
            page.locale,
            locale,
            session,
            counts,
            offers=offers.values(),
            terms=protected_terms(page.get_site()),
            title=page.title,
        )
    still_missing = len(missing_segments(source, locale))

    counts.flagged += _flag_too_long(source, locale)
    if _needs_saving(source, translation, target, counts):
        saved, message = _save_draft(translation, counts)
        if not saved:
            status, detail = DraftStatus.FAILED, message
        elif message:
            detail = f"{detail} {message}".strip()
    else:
        fingerprints.record_translation(translation)
        if not had_missing and not counts.flagged:
            # Nothing to do (the Swedish text was republished unchanged): the counts of
            # the draft stay as they were; only "queued" becomes the outcome again.
            changed = (row.status, row.detail) != (status, detail[:2000])
            row.status, row.detail = status, detail[:2000]
            return changed
    _set(row, status, detail, counts, still_missing)
    return True


def _machine_translate(
    segments, source_locale, locale, session, counts, offers=(), terms=None, title=""
) -> tuple[str, str]:
    """Machine-translate ``segments``, and the new text of carried ``offers`` beside them.

    ``terms``: the always-protected terms of the page's site (``protect.protected_terms``);
    ``title``: the Swedish page title, context for short strings where the engine takes it.
    """
    by_string: dict[int, list[StringSegment]] = {}
    for segment in segments:
        by_string.setdefault(segment.string_id, []).append(segment)
    offered: dict[int, list[CarriedForward]] = {}
    for carried in offers:
        offered.setdefault(carried.string_translation.translation_of_id, []).append(carried)
    string_ids = list(by_string) + [key for key in offered if key not in by_string]
    texts = [
        by_string[key][0].string.data
        if key in by_string
        else offered[key][0].string_translation.translation_of.data
        for key in string_ids
    ]
    state = session.state_for(locale)
    engine = state.engine
    try:
        batches = engine.translate_in_batches(
            texts, source_locale, locale, terms=terms, title=title
        )
        for indexes, outcome in batches:
            for index, checked in zip(indexes, outcome.texts, strict=True):
                for carried in offered.get(string_ids[index], ()):
                    carried.machine_text = checked.text
                    carried.save(update_fields=["machine_text"])
                for segment in by_string.get(string_ids[index], ()):
                    obj, created = strings.add_if_missing(
                        segment,
                        locale,
                        data=checked.text,
                        translation_type=strings.MACHINE,
                        tool_name=_tool_name(engine, checked),
                    )
                    if created:
                        MachineProvenance.objects.create(
                            string_translation=obj, engine=engine.name, model=outcome.model
                        )
                    counts.machine += int(created)
                    counts.flagged += int(created and checked.flagged)
    except QuotaExceeded as error:
        pauses.pause(ServicePause.QUOTA, str(error), engine.name)
        state.stop(DraftStatus.PAUSED_QUOTA, str(error))
        return DraftStatus.PAUSED_QUOTA, str(error)
    except LanguageBudgetExhausted as error:
        # This language's own budget: the engine goes on with the other languages.
        return DraftStatus.PAUSED_BUDGET, str(error)
    except BudgetExhausted as error:
        state.stop(DraftStatus.PAUSED_BUDGET, str(error))
        return DraftStatus.PAUSED_BUDGET, str(error)
    except ConfigurationError as error:
        pauses.pause(ServicePause.CONFIG, str(error), engine.name)
        state.stop(DraftStatus.CONFIG_ERROR, str(error))
        return DraftStatus.CONFIG_ERROR, str(error)
    except RetryLater as error:
        state.stop(DraftStatus.RETRY, str(error))
        return DraftStatus.RETRY, str(error)
    except RequestRejected as error:
        return DraftStatus.FAILED, str(error)
    return DraftStatus.MADE, ""


def _tool_name(engine, checked) -> str:
    """What the editor's footer says made the string ("Translated with …"), flags included."""
    if checked.markup_lost:
        return engine.tool_name_markup_lost
    if checked.wrong_script:
        return engine.tool_name_wrong_script
    return engine.tool_name


def needs_work(page: Page, locale: Locale, session: Session) -> bool:
    """Whether ``translate_into`` would change anything (used by the backfill to resume)."""
    source = translation_source_for(page)
    if source is None:
        return True
    translation = Translation.objects.filter(source=source, target_locale=locale).first()
    if translation is None:
        return page.get_translation_or_none(locale) is None
    if not translation.enabled:
        return False
    if page.last_published_at and source.last_updated_at < page.last_published_at:
        return True
    target = page.get_translation_or_none(locale)
    if target is None:
        return True
    if target.alias_of_id:
        return False
    try:
        if not _draft_is_current(source, locale, target):
            return True
    except Exception:  # noqa: BLE001 - when in doubt, do it
        return True
    status, _detail = session.mode(locale)
    return status == MACHINE and bool(missing_segments(source, locale))


def _needs_saving(source, translation, target, counts: Counts) -> bool:
    """Whether saving would change the draft (avoids empty revisions on republish)."""
    if target is None or counts.memory or counts.machine:
        return True
    try:
        return not _draft_is_current(source, translation.target_locale, target)
    except Exception:  # when in doubt, save
        logger.info("Could not compare the draft of %s; saving it", target.pk, exc_info=True)
        return True


def _draft_is_current(source, locale, target) -> bool:
    """The latest revision of ``target`` already holds what ``save_target`` would write."""
    expected = source.get_ephemeral_translated_instance(locale, fallback=True)
    latest = target.get_latest_revision_as_object()
    for translatable in get_translatable_fields(type(expected)):
        try:
            field = type(expected)._meta.get_field(translatable.field_name)
        except FieldDoesNotExist:
            return False
        if not field.concrete or field.is_relation:
            return False  # child objects: not compared here, save to be sure
        if field.get_prep_value(field.value_from_object(expected)) != field.get_prep_value(
            field.value_from_object(latest)
        ):
            return False
    return True


def _save_draft(translation: Translation, counts: Counts) -> tuple[bool, str]:
    """Save the target as a draft revision: ``(saved, message)``.

    A translation that fails validation (say, longer than its field allows) is flagged on
    its string translation (shown in the editor) and the draft is saved again with the
    source text in that field, so the translator has a draft to fix it in.
    """
    message = ""
    for attempt in (1, 2):
        try:
            with transaction.atomic():
                drafts.save_draft(translation)
            return True, message
        except ValidationError as error:
            message = "; ".join(error.messages)[:2000]
            flagged = _flag_field_errors(translation, error) if attempt == 1 else 0
            if not flagged:
                return False, message
            counts.flagged += flagged
    return False, message


def _flag_too_long(source: TranslationSource, locale: Locale) -> int:
    """Flag translations longer than their (plain) field allows, before saving.

    Otherwise PostgreSQL refuses the row with a DataError (wagtail-localize saves the
    translated page without validating the length), and the whole draft is lost.
    """
    model = source.specific_content_type.model_class()
    limits = {
        field.name: field.max_length
        for field in model._meta.concrete_fields
        if getattr(field, "max_length", None) and not field.is_relation
    }
    rows = StringTranslation.objects.filter(
        locale=locale,
        has_error=False,
        context__object_id=source.object_id,
        context__path__in=list(limits),
        translation_of_id__in=StringSegment.objects.filter(source=source).values("string_id"),
    ).select_related("context")
    flagged = 0
    for row in rows:
        limit = limits[row.context.path]
        if len(StringValue(row.data).render_text()) > limit:
            strings.mark_error(
                row,
                gettext("Översättningen är längre än fältets %(limit)d tecken.") % {"limit": limit},
            )
            flagged += 1
    return flagged


def _flag_field_errors(translation: Translation, error: ValidationError) -> int:
    if not hasattr(error, "error_dict"):
        return 0
    source = translation.source
    flagged = 0
    for field_name, errors in error.error_dict.items():
        rows = StringTranslation.objects.filter(
            locale=translation.target_locale,
            context__object_id=source.object_id,
            context__path=field_name,
            has_error=False,
            translation_of_id__in=StringSegment.objects.filter(source=source).values("string_id"),
        )
        for row in rows:
            strings.mark_field_errors(row, errors)
            flagged += 1
    return flagged


def _set(row: DraftStatus, status: str, detail: str, counts: Counts, missing: int) -> None:
    row.attempts = row.attempts + 1 if status == DraftStatus.RETRY else 0
    row.status = status
    row.detail = detail[:2000]
    row.memory_segments = counts.memory
    row.machine_segments = counts.machine
    row.flagged_segments = counts.flagged
    row.missing_segments = missing
