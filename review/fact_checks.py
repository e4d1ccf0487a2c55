"""The facts guard on every translated string: checked when saved, read when published.

``core.facts.check`` compares one Swedish string with its translation. Here it runs on
every save of a ``StringTranslation`` (one receiver: the pipeline's machine drafts, the
translation memory, wagtail-localize's editor, PO imports, carried translations all save
rows one by one), and the findings are kept per wording (``FactCheck``) for the publish
rule (``review.live_text``), the editor's footers, the queue and the drafts page.

Why per wording and not per row: a revision going live may carry an older wording of a
string; the rule judges the text it publishes. A wording without a record (saved before
the guard, or written straight into a revision) is checked when it is first asked for.

Cost: a Swedish string with no digit, '@', address, month or weekday name and no
protected or glossary term is skipped after one regular-expression search and never
stored. Nothing here raises into the caller: a failure is logged, and the check's own
failure becomes an error finding (``check_failed``), which blocks the publish until a
translator looks at the string.
"""

import logging
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import CharField, Exists, Func, OuterRef, Sum
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Locale, Site
from wagtail_localize.models import StringSegment, StringTranslation

from core import facts
from translation.models import text_hash

from .fact_labels import describe
from .models import FactCheck, FactOverride

logger = logging.getLogger(__name__)

# Protected and glossary terms change seldom and are read on every string save: kept in
# the cache (shared by the processes) for a few minutes, dropped when the coordinator
# changes them (``connect``).
TERMS_KEY = "review:fact-terms"
TERMS_TTL = 300


def forget_terms(**_kwargs) -> None:
    try:
        cache.delete(TERMS_KEY)
    except Exception:
        logger.warning("could not forget the facts guard's terms", exc_info=True)


def _load_terms() -> dict:
    protected: list[str] = []
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        settings_model = apps.get_model("readability", "ReadabilitySettings")
        text = settings_model.for_site(site).protected_terms or ""
        protected = [line.strip() for line in text.splitlines() if line.strip()]
    glossary: dict[int, list[tuple[str, str]]] = {}
    if apps.is_installed("translation"):
        model = apps.get_model("translation", "GlossaryTermTranslation")
        for locale_id, swedish, target in model.objects.values_list(
            "locale_id", "term__term", "translation"
        ):
            glossary.setdefault(locale_id, []).append((swedish, target))
    return {"protected": protected, "glossary": glossary}


def terms_for(locale_id: int) -> tuple[list[str], list[tuple[str, str]]]:
    """The always-protected terms and the glossary pairs of one target locale."""
    try:
        terms = cache.get(TERMS_KEY)
    except Exception:  # a cache outage costs queries, not the check
        logger.warning("cache unavailable for the facts guard's terms", exc_info=True)
        return _split(_load_terms(), locale_id)
    if terms is None:
        terms = _load_terms()
        try:
            cache.set(TERMS_KEY, terms, TERMS_TTL)
        except Exception:
            logger.warning("cache unavailable for the facts guard's terms", exc_info=True)
    return _split(terms, locale_id)


def _split(terms: dict, locale_id: int) -> tuple[list[str], list[tuple[str, str]]]:
    return terms["protected"], terms["glossary"].get(locale_id, [])


def _mentions(source_text: str, protected, glossary) -> bool:
    folded = source_text.casefold()
    for term in [*protected, *(swedish for swedish, _target in glossary)]:
        stem = term.casefold()[: max(3, len(term) - 2)]
        if stem and stem in folded:
            return True
    return False


def relevant(source_text: str, locale_id: int) -> bool:
    """Whether the Swedish text has anything for the guard to compare (the quick filter)."""
    if not source_text or not source_text.strip():
        return False
    if facts.has_facts(source_text):
        return True
    protected, glossary = terms_for(locale_id)
    return bool(protected or glossary) and _mentions(source_text, protected, glossary)


def _found_forms(kind: str, translated: list) -> str:
    kinds = {kind}
    if kind in ("amount", "number", "percent"):
        kinds |= {"amount", "number", "percent"}
    if kind in ("date", "month"):
        kinds |= {"date", "month"}
    forms = []
    for fact in translated:
        if fact.kind in kinds and fact.form and fact.form not in forms:
            forms.append(fact.form)
    return ", ".join(forms)[:200]


def evaluate(source_text: str, text: str, language_code: str, locale_id: int) -> list[dict]:
    """The findings of one wording, as stored: each with what the translation had."""
    protected, glossary = terms_for(locale_id)
    found = facts.check(source_text, text, language_code, protected, glossary)
    translated = []
    if any(f.is_error and f.kind not in ("protected_term", "check") for f in found):
        try:
            translated = facts.extract(text, language_code)
        except Exception:
            logger.exception("facts extraction failed for language %r", language_code)
    return [
        {
            "severity": f.severity,
            "kind": f.kind,
            "form": f.form[:255],
            "code": f.code,
            "expected": f.expected,
            "found": _found_forms(f.kind, translated) if f.is_error else "",
        }
        for f in found
    ]


def _open_counts(findings: list[dict], overridden: set[tuple[str, str]]) -> tuple[int, int]:
    errors = warnings = 0
    for finding in findings:
        if (finding["kind"], finding["form"]) in overridden:
            continue
        if finding["severity"] == facts.ERROR:
            errors += 1
        else:
            warnings += 1
    return errors, warnings


def store(locale_id, context_id, string_id, source_text, text, language_code) -> FactCheck:
    """Check one wording and keep the findings (overrides of the same wording stay)."""
    findings = evaluate(source_text, text, language_code, locale_id)
    check, _created = FactCheck.objects.get_or_create(
        locale_id=locale_id,
        context_id=context_id,
        string_id=string_id,
        text_hash=text_hash(text),
    )
    overridden = set(check.overrides.values_list("kind", "form")) if check.pk else set()
    check.findings = findings
    check.open_errors, check.open_warnings = _open_counts(findings, overridden)
    check.save()
    return check


def _language(locale_id: int) -> str | None:
    code = Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()
    if code is None or code == settings.LANGUAGE_CODE or code not in facts.LANGUAGES:
        return None
    return code


def record(string_translation: StringTranslation) -> FactCheck | None:
    """Check a saved string translation; ``None`` when there is nothing to check."""
    source_text = string_translation.translation_of.data
    if not relevant(source_text, string_translation.locale_id):
        return None
    language_code = _language(string_translation.locale_id)
    if language_code is None:
        return None
    return store(
        string_translation.locale_id,
        string_translation.context_id,
        string_translation.translation_of_id,
        source_text,
        string_translation.data,
        language_code,
    )


@receiver(post_save, sender=StringTranslation, dispatch_uid="review_check_facts")
def check_facts(sender, instance, raw=False, **kwargs):
    """Every save of a translated string, machine or human: check its facts.

    In a savepoint and never raising: whatever goes wrong here, the string is saved."""
    if raw:
        return
    try:
        with transaction.atomic():
            record(instance)
    except Exception:
        logger.exception("facts check of string translation %s failed", instance.pk)


@dataclass(frozen=True)
class Place:
    """A translated text in its place: what the publish rule hands over."""

    path: str
    context_id: int
    string_id: int
    source_text: str
    text: str


def checks_for(locale_id: int, places: list[Place]) -> dict[Place, FactCheck]:
    """The fact check of each place's wording, checking those never checked (one query)."""
    wanted = [
        place
        for place in places
        if place.text != place.source_text and relevant(place.source_text, locale_id)
    ]
    if not wanted:
        return {}
    language_code = _language(locale_id)
    if language_code is None:
        return {}
    stored = {
        (check.context_id, check.string_id, check.text_hash): check
        for check in FactCheck.objects.filter(
            locale_id=locale_id,
            context_id__in={place.context_id for place in wanted},
            text_hash__in={text_hash(place.text) for place in wanted},
        )
    }
    result = {}
    for place in wanted:
        check = stored.get((place.context_id, place.string_id, text_hash(place.text)))
        if check is None:
            check = _store_now(locale_id, place, language_code)
        result[place] = check
    return result


def _store_now(locale_id: int, place: Place, language_code: str) -> FactCheck:
    """Check a wording never checked before; if it cannot be stored, an unsaved record
    with the check's failure (an error: the publish waits rather than pass unchecked)."""
    try:
        with transaction.atomic():
            return store(
                locale_id,
                place.context_id,
                place.string_id,
                place.source_text,
                place.text,
                language_code,
            )
    except Exception:
        logger.exception("facts check of %s could not be stored", place.path)
        failed = {"severity": facts.ERROR, "kind": "check", "form": "", "code": "check_failed"}
        return FactCheck(
            locale_id=locale_id,
            context_id=place.context_id,
            string_id=place.string_id,
            text_hash=text_hash(place.text),
            findings=[{**failed, "expected": "", "found": ""}],
            open_errors=1,
        )


def open_findings(check: FactCheck, *, warnings: bool = True) -> list[dict]:
    """The findings of ``check`` no translator overrode (errors, and warnings if asked)."""
    if not check.open_errors and not (warnings and check.open_warnings):
        return []
    overridden = set(check.overrides.values_list("kind", "form")) if check.pk else set()
    return [
        finding
        for finding in check.findings
        if (finding["kind"], finding["form"]) not in overridden
        and (warnings or finding["severity"] == facts.ERROR)
    ]


def labelled_findings(string_translation: StringTranslation) -> list[str]:
    """The open findings of a string translation's current wording, in words."""
    check = FactCheck.objects.filter(
        locale_id=string_translation.locale_id,
        context_id=string_translation.context_id,
        string_id=string_translation.translation_of_id,
        text_hash=text_hash(string_translation.data),
    ).first()
    return [describe(finding) for finding in open_findings(check)] if check else []


def override(check: FactCheck, kind: str, form: str, reason: str, user) -> FactOverride:
    """Record that ``user`` overrode one finding of ``check`` with ``reason``."""
    with transaction.atomic():
        record_, _created = FactOverride.objects.update_or_create(
            fact_check=check,
            kind=kind,
            form=form,
            defaults={"reason": reason, "overridden_by": user},
        )
        overridden = set(check.overrides.values_list("kind", "form"))
        check.open_errors, check.open_warnings = _open_counts(check.findings, overridden)
        check.save(update_fields=["open_errors", "open_warnings"])
    return record_


class _TextHash(Func):
    """``models.text_hash`` in SQL (PostgreSQL's own sha256, no pgcrypto needed)."""

    template = "encode(sha256(convert_to(%(expressions)s, 'UTF8')), 'hex')"
    output_field = CharField()


def current_checks(locale_ids=None, *, open_only: bool = True):
    """Fact checks of the current wording of strings still in their source, with findings
    (``open_only``: findings no translator overrode)."""
    current = (
        StringTranslation.objects.filter(
            locale_id=OuterRef("locale_id"),
            context_id=OuterRef("context_id"),
            translation_of_id=OuterRef("string_id"),
        )
        .annotate(hashed=_TextHash("data"))
        .filter(hashed=OuterRef("text_hash"))
    )
    in_source = StringSegment.objects.filter(
        context_id=OuterRef("context_id"), string_id=OuterRef("string_id")
    )
    checks = FactCheck.objects.filter(Exists(current), Exists(in_source))
    if open_only:
        checks = checks.exclude(open_errors=0, open_warnings=0)
    else:
        checks = checks.exclude(findings=[])
    if locale_ids is not None:
        checks = checks.filter(locale_id__in=locale_ids)
    return checks


def counts_by_object(locale_ids=None, object_id=None) -> dict[tuple[str, int], tuple[int, int]]:
    """(open errors, open warnings) per (translation key, locale id) of the current strings."""
    checks = current_checks(locale_ids)
    if object_id is not None:
        checks = checks.filter(context__object_id=object_id)
    rows = checks.values("context__object_id", "locale_id").annotate(
        errors=Sum("open_errors"), warnings=Sum("open_warnings")
    )
    return {
        (str(row["context__object_id"]), row["locale_id"]): (row["errors"], row["warnings"])
        for row in rows
    }


def connect() -> None:
    """Forget the cached terms in this process when the coordinator changes them."""
    for label in (
        "readability.ReadabilitySettings",
        "translation.GlossaryTerm",
        "translation.GlossaryTermTranslation",
    ):
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        post_save.connect(forget_terms, sender=model, dispatch_uid=f"review_terms_{label}")
        post_delete.connect(forget_terms, sender=model, dispatch_uid=f"review_terms_del_{label}")
