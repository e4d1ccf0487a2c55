"""The promise as one checkable statement, for tests to run after every step.

For every live page and snippet in a translated (non-Swedish) language: its live text can
be attributed (``review.live_text``): written by a person in that language, machine text a
translator of that language approved word for word, or the untranslated Swedish text
(pages and snippets written directly in the language, with no Swedish source, are the
translator's own and not attributed further); any
other machine text (or text carried over from an older Swedish text, not yet checked) is
live only where the language's publish policy allows it; and the stored reader-notice flag
(``ReaderNotice``) says exactly what the check says. Aliases of Swedish pages are not
translations and must not be flagged as such.

``violations()`` returns one line per breach (empty: the promise holds). The admin URL
walk (``tests/review/test_admin_url_guard.py``) and the chain walk
(``tests/review/test_chain_walk.py``) call it after every request.
"""

from django.apps import apps
from django.conf import settings

from wagtail.models import DraftStateMixin, Page, TranslatableMixin

from translation.models import LanguageSettings

from . import live_text
from .models import ReaderNotice


def _translatable_snippet_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin) and not issubclass(model, Page)
    ]


def _describe(instance) -> str:
    return f"{type(instance).__name__} {instance.pk} ({instance.locale.language_code})"


def check_instance(instance, allowed: dict[int, bool]) -> list[str]:
    problems = []
    result = live_text.check(instance)
    name = _describe(instance)
    for verdict in result.unknown:
        problems.append(f"{name}: {verdict.path} cannot be attributed: {verdict.text!r}")
    if result.unreviewed and not allowed.get(instance.locale_id, False):
        paths = ", ".join(verdict.path for verdict in result.unreviewed)
        problems.append(f"{name}: unreviewed text live against the policy: {paths}")
    if isinstance(instance, Page):
        notice = ReaderNotice.objects.filter(page_id=instance.pk).first()
        # No row yet: the first reader computes it with this same check.
        if notice is not None:
            expected = result.translated and result.needs_notice
            if notice.machine_text != expected or notice.translated != result.translated:
                problems.append(
                    f"{name}: reader notice says machine_text={notice.machine_text}, "
                    f"translated={notice.translated}; the live text says {expected}, "
                    f"{result.translated}"
                )
    return problems


def violations() -> list[str]:
    """Every live translated page or snippet whose live text breaks the promise."""
    allowed = dict(
        LanguageSettings.objects.values_list("locale_id", "allow_unreviewed_machine_text")
    )
    problems = []
    pages = (
        Page.objects.filter(live=True, depth__gt=1)
        .exclude(locale__language_code=settings.LANGUAGE_CODE)
        .select_related("locale")
        .specific()
    )
    for page in pages:
        problems.extend(check_instance(page, allowed))
    for model in _translatable_snippet_models():
        rows = model._default_manager.exclude(
            locale__language_code=settings.LANGUAGE_CODE
        ).select_related("locale")
        if issubclass(model, DraftStateMixin):
            rows = rows.filter(live=True)
        for row in rows:
            problems.extend(check_instance(row, allowed))
    return problems
