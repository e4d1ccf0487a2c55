"""Who stands behind each text of a translated page or snippet: read from the text itself.

The publish rule used to decide on bookkeeping (the state of a translation's strings), so
two-step chains got past it: stop the translation, then publish; revert to the pipeline's
old machine revision, then publish. Here the rule reads the *instance that is to go live*
(a revision's object, or the live row for what readers see now), extracts every
translatable string of it (wagtail-localize's ``extract_segments``) and attributes each
one by content, in its place (``TranslationContext``: the object and the field path):

- ``HUMAN``: a wording a person wrote in that language (a manual ``StringTranslation``,
  now or earlier: ``KnownWording``);
- ``APPROVED``: machine text whose exact wording a translator approved (``WordingApproval``);
- ``MACHINE``: machine text no one approved;
- ``TO_CHECK``: a person's translation carried over from an older Swedish text that nobody
  has checked against the new one (``translation.carry_forward``);
- ``UNTRANSLATED``: the Swedish text itself, shown because no translation exists yet
  (wagtail-localize's fallback): not presented as a translation;
- ``UNKNOWN``: anything else (a wording no string translation ever had, text in a field
  the Swedish page does not have): it cannot be attributed and never goes live.

``MACHINE`` and ``TO_CHECK`` go live only where the language's ``LanguageSettings``
allows unreviewed text, and then the reader notice shows. The reader-notice flag
(``review.notice_flags``), the queue's published states and the invariant
(``review.invariant``) all read this same check.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from translation.carry_forward import TOOL_NAME as CARRIED
from translation.models import LanguageSettings, text_hash

from . import fact_checks, fact_labels
from .models import KnownWording, WordingApproval

HUMAN = "human"
APPROVED = "approved"
MACHINE = "machine"
TO_CHECK = "to_check"
UNTRANSLATED = "untranslated"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Verdict:
    path: str
    text: str
    kind: str


@dataclass
class TextCheck:
    """The attribution of every string of one instance."""

    # A translation of a Swedish source (not an alias, not a page of its own language).
    translated: bool = False
    verdicts: list[Verdict] = field(default_factory=list)

    def of_kind(self, *kinds) -> list[Verdict]:
        return [verdict for verdict in self.verdicts if verdict.kind in kinds]

    @property
    def unknown(self) -> list[Verdict]:
        return self.of_kind(UNKNOWN)

    @property
    def unreviewed(self) -> list[Verdict]:
        """Text that goes live only where the policy allows it, with the reader notice."""
        return self.of_kind(MACHINE, TO_CHECK)

    @property
    def needs_notice(self) -> bool:
        return bool(self.of_kind(MACHINE, TO_CHECK, UNKNOWN))


def is_translated_locale(instance) -> bool:
    return (
        isinstance(instance, TranslatableMixin)
        and instance.locale_id is not None
        and instance.locale.language_code != settings.LANGUAGE_CODE
    )


def source_of(instance) -> TranslationSource | None:
    """The Swedish source of ``instance``, whether or not its translation is still enabled."""
    return (
        TranslationSource.objects.filter(
            object_id=instance.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )
        .order_by("-pk")
        .first()
    )


def _strings_of(instance) -> list[tuple[str, str]]:
    if isinstance(instance, Page):
        instance = instance.specific
    return [
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    ]


@dataclass
class _Known:
    """What is known of the translations of one source in one locale."""

    segments: list[tuple[str, int, int, str]]
    current: dict[tuple[int, int], StringTranslation]
    wordings: dict[tuple[int, str], set[bool]]
    approved: set[tuple[int, str]]

    def by_path(self) -> dict[str, list[tuple[int, int, str]]]:
        places: dict[str, list[tuple[int, int, str]]] = {}
        for path, context_id, string_id, data in self.segments:
            places.setdefault(path, []).append((context_id, string_id, data))
        return places

    def kind(self, context_id: int, string_id: int, text: str, source_text: str) -> str:
        hashed = text_hash(text)
        kind = _current_kind(self.current.get((string_id, context_id)), text, hashed)
        if kind is not None:
            return kind
        kinds = self.wordings.get((context_id, hashed), set())
        if True in kinds:
            return HUMAN
        if (context_id, hashed) in self.approved:
            return APPROVED
        if kinds:
            return MACHINE
        return UNTRANSLATED if text == source_text else UNKNOWN


def _known(source: TranslationSource, locale_id: int) -> _Known:
    segments = list(
        StringSegment.objects.filter(source=source)
        .order_by("order")
        .values_list("context__path", "context_id", "string_id", "string__data")
    )
    context_ids = {context_id for _p, context_id, _s, _d in segments}
    current = {
        (st.translation_of_id, st.context_id): st
        for st in StringTranslation.objects.filter(
            locale_id=locale_id,
            context_id__in=context_ids,
            translation_of_id__in={string_id for _p, _c, string_id, _d in segments},
        ).select_related("review_approval")
    }
    wordings: dict[tuple[int, str], set[bool]] = {}
    for context_id, hashed, human in KnownWording.objects.filter(
        locale_id=locale_id, context_id__in=context_ids
    ).values_list("context_id", "text_hash", "human"):
        wordings.setdefault((context_id, hashed), set()).add(human)
    approved = set(
        WordingApproval.objects.filter(locale_id=locale_id, context_id__in=context_ids).values_list(
            "context_id", "text_hash"
        )
    )
    return _Known(segments, current, wordings, approved)


def _source_for_check(instance) -> TranslationSource | None:
    if not is_translated_locale(instance):
        return None
    if isinstance(instance, Page) and instance.alias_of_id:
        return None  # shows the Swedish page as it is; never presented as translated
    return source_of(instance)


@dataclass(frozen=True)
class _Placed:
    """A text of the instance in its place (``context_id`` ``None``: no place for it)."""

    path: str
    text: str
    context_id: int | None = None
    string_id: int | None = None
    source_text: str = ""


def _read(instance, *, from_strings: bool) -> tuple[_Known, list[_Placed]] | None:
    """Every string of ``instance`` (or what its editor would publish) with its place."""
    source = _source_for_check(instance)
    if source is None:
        return None
    known = _known(source, instance.locale_id)
    placed = []
    if from_strings:
        for path, context_id, string_id, source_text in known.segments:
            st = known.current.get((string_id, context_id))
            text = st.data if st is not None else source_text
            placed.append(_Placed(path, text, context_id, string_id, source_text))
        return known, placed
    by_path = known.by_path()
    seen: dict[str, int] = {}
    for path, text in _strings_of(instance):
        index = seen.get(path, 0)
        seen[path] = index + 1
        places = by_path.get(path, [])
        if index >= len(places):
            placed.append(_Placed(path, text))
            continue
        context_id, string_id, source_text = places[index]
        placed.append(_Placed(path, text, context_id, string_id, source_text))
    return known, placed


def _verdicts(known: _Known, placed: list[_Placed]) -> TextCheck:
    result = TextCheck(translated=True)
    for place in placed:
        if place.context_id is None:
            kind = UNKNOWN
        else:
            kind = known.kind(place.context_id, place.string_id, place.text, place.source_text)
        result.verdicts.append(Verdict(place.path, place.text, kind))
    return result


def check(instance) -> TextCheck:
    """Attribute every string of ``instance`` (a page or snippet, as it would go live)."""
    read = _read(instance, from_strings=False)
    return TextCheck() if read is None else _verdicts(*read)


def check_strings(instance) -> TextCheck:
    """The same check of what wagtail-localize would publish now: the current strings.

    Its editor's *Publish* builds the target from the current string translations (the
    Swedish text where there is none), not from a revision.
    """
    read = _read(instance, from_strings=True)
    return TextCheck() if read is None else _verdicts(*read)


def _current_kind(st: StringTranslation | None, text: str, hashed: str) -> str | None:
    """The verdict from the string translation as it is now, when its text is ``text``."""
    if st is None or st.data != text:
        return None
    approval = getattr(st, "review_approval", None)
    covered = approval is not None and approval.text_hash == hashed
    if st.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL:
        return TO_CHECK if st.tool_name == CARRIED and not covered else HUMAN
    return APPROVED if covered else None  # machine text: an older approval may cover it


def _fields(verdicts: list[Verdict]) -> str:
    names = []
    for verdict in verdicts:
        excerpt = verdict.text if len(verdict.text) <= 40 else verdict.text[:37] + "..."
        name = f"{verdict.path} (”{excerpt}”)"
        if name not in names:
            names.append(name)
    return ", ".join(names[:10])


def fact_checks_of(instance, *, from_strings: bool = False, _placed=None) -> dict:
    """The facts guard's check of each text of ``instance`` that would go live
    ({``fact_checks.Place``: ``FactCheck``}, only texts with something to check)."""
    if _placed is None:
        read = _read(instance, from_strings=from_strings)
        if read is None:
            return {}
        _placed = read[1]
    places = [
        fact_checks.Place(p.path, p.context_id, p.string_id, p.source_text, p.text)
        for p in _placed
        if p.context_id is not None
    ]
    return fact_checks.checks_for(instance.locale_id, places)


def _fact_lines(instance, placed: list[_Placed]) -> list[str]:
    """A line per open finding of the facts guard that blocks: field, fact, what it says."""
    checks = fact_checks_of(instance, _placed=placed)
    if not checks:
        return []
    warnings_block = any(c.open_warnings for c in checks.values()) and (
        LanguageSettings.fact_warnings_block_in(instance.locale_id)
    )
    lines = []
    for place, found in checks.items():
        for finding in fact_checks.open_findings(found, warnings=warnings_block):
            lines.append(f"{place.path}: {fact_labels.describe(finding)}")
    return lines


def fact_refusal(instance, *, from_strings: bool = False, _placed=None) -> str | None:
    """Why the facts of ``instance``'s text may not go live (``review.fact_checks``).

    An error (a lost or changed amount, date, phone number, address, protected term)
    refuses, naming the field and the fact, unless a translator of the language overrode
    that finding with a reason; a glossary warning refuses only where the language's
    ``LanguageSettings.fact_warnings_block`` says so.
    """
    if _placed is None:
        read = _read(instance, from_strings=from_strings)
        if read is None:
            return None
        _placed = read[1]
    lines = _fact_lines(instance, _placed)
    if not lines:
        return None
    return _(
        "Kan inte publiceras: faktakontrollen hittade avvikelser från den svenska texten: "
        "%(findings)s. Rätta översättningen, eller låt en översättare på %(language)s "
        "godkänna avvikelsen med en motivering (Faktakontroll i granskningskön)."
    ) % {"findings": "; ".join(lines[:10]), "language": instance.locale.get_display_name()}


def refusal(instance, *, from_strings: bool = False) -> str | None:
    """Why the text of ``instance`` may not go live, naming the fields, or ``None``.

    ``from_strings``: read what wagtail-localize's editor would publish (``check_strings``).
    """
    read = _read(instance, from_strings=from_strings)
    if read is None:
        return None
    result = _verdicts(*read)
    if result.unknown:
        return _(
            "Kan inte publiceras: texten i %(fields)s kommer inte från någon översättning "
            "på %(language)s (varken en översättares text eller godkänd maskinöversättning). "
            "Översätt fälten i översättningsredigeraren och publicera därifrån."
        ) % {"fields": _fields(result.unknown), "language": instance.locale.get_display_name()}
    facts_refused = fact_refusal(instance, _placed=read[1])
    if facts_refused:
        return facts_refused
    if result.unreviewed and not LanguageSettings.allows_unreviewed(instance.locale):
        return _(
            "Kan inte publiceras: texten i %(fields)s är maskinöversatt eller överförd från en "
            "äldre svensk text, och ingen har godkänt just den formuleringen på "
            "%(language)s. Granska och godkänn den i granskningskön först."
        ) % {
            "fields": _fields(result.unreviewed),
            "language": instance.locale.get_display_name(),
        }
    return None
