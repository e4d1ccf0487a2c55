"""`check()`: one Swedish string against its translation.

Why it never raises: it will run inside the translation pipeline and on every save, where
an exception would lose a draft. A failure inside becomes one error finding ("the check
failed", code `check_failed`) and a log line; the caller saves the string and flags it.
"""

import logging
import re

from . import lexicon, terms
from .compare import describe, satisfied
from .extract import extract
from .model import ERROR, KINDS, WARNING, Finding

logger = logging.getLogger(__name__)

LANGUAGES = lexicon.LANGUAGES[1:]
_QUICK = re.compile(r"\d|@|www\.|://|\.(?:se|eu|com|org|nu)\b", re.IGNORECASE)


def _swedish_names() -> re.Pattern:
    stems = [e.stem for e in lexicon.months("sv").entries + lexicon.weekdays("sv").entries]
    raw = {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti"}
    raw |= {"september", "oktober", "november", "december", "måndag", "tisdag", "onsdag"}
    raw |= {"torsdag", "fredag", "lördag", "söndag"}
    alternatives = sorted(set(stems) | raw, key=len, reverse=True)
    return re.compile(r"(?i)\b(?:" + "|".join(map(re.escape, alternatives)) + r")")


_NAMES: re.Pattern | None = None


def has_facts(source_text: str) -> bool:
    """The fast pre-check: no digit, '@', address, month or weekday name → nothing to compare."""
    global _NAMES
    if _QUICK.search(source_text):
        return True
    if _NAMES is None:
        _NAMES = _swedish_names()
    return bool(_NAMES.search(source_text))


def check(source_text, translated_text, language, protected_terms=(), glossary=()) -> list[Finding]:
    """Findings for the facts of the Swedish `source_text` that `translated_text` lost or changed.

    Errors: a missing or changed amount, percentage, number, date, month, weekday, time,
    phone number, e-mail or web address, postal code, organisation number or protected term.
    Warnings: a glossary term of the Swedish text whose agreed translation is not used.
    """
    try:
        return _check(source_text, translated_text, language, protected_terms, glossary)
    except Exception:
        logger.exception("facts check failed for language %r", language)
        return [Finding(ERROR, "check", "", "check_failed")]


def _check(source_text, translated_text, language, protected_terms, glossary) -> list[Finding]:
    if not isinstance(source_text, str) or not source_text.strip():
        return []
    if language not in lexicon.LANGUAGES:
        raise ValueError(f"no facts guard for language {language!r}")
    if not isinstance(translated_text, str):
        translated_text = "" if translated_text is None else str(translated_text)
    findings: list[Finding] = []
    protected = [t for t in (protected_terms or ()) if isinstance(t, str)]
    used_glossary = terms.glossary_used(source_text, glossary) if glossary else []
    if has_facts(source_text):
        source_facts = extract(source_text, "sv")
        if source_facts:
            translated_facts = extract(translated_text, language)
            seen = set()
            for fact in source_facts:
                key = (fact.kind, fact.value)
                if key in seen:
                    continue
                seen.add(key)
                if not satisfied(fact, translated_facts):
                    findings.append(
                        Finding(
                            ERROR, fact.kind, fact.form, "missing_or_changed", describe(fact.value)
                        )
                    )
    for fact in terms.protected(source_text, protected) if protected else ():
        if not terms.present(translated_text, fact.value):
            findings.append(
                Finding(ERROR, "protected_term", fact.value, "missing_or_changed", fact.value)
            )
    inflecting = language in ("uk", "pl", "fi", "so", "ar", "fa")
    for swedish, target in used_glossary:
        if not terms.present(translated_text, target, inflecting=inflecting):
            findings.append(Finding(WARNING, "glossary_term", swedish, "glossary_not_used", target))
    order = {kind: index for index, kind in enumerate(KINDS)}
    findings.sort(key=lambda f: (f.severity != ERROR, order.get(f.kind, 99)))
    return findings
