"""The facts guard's findings of one translated page, and a translator's override.

Reached from the review queue and the drafts page. Anyone who works in the page's
language may look; only a translator of that language may override a finding, with a
reason, which is recorded (``FactOverride``: who, when, why) and lets the publish rule
pass that finding of that wording.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Page
from wagtail_localize.models import StringTranslation

from translation.models import text_hash

from . import fact_checks, fact_labels
from .models import FactCheck
from .roles import is_translator_of, user_may_work_in

REASON_MAX = 1000


def _rows(page: Page) -> list[dict]:
    checks = (
        fact_checks.current_checks([page.locale_id], open_only=False)
        .filter(context__object_id=page.translation_key)
        .select_related("context", "string")
        .prefetch_related("overrides__overridden_by")
        .order_by("context__path")
    )
    # The current translation of every checked string, in one query (not one per string).
    current_texts = {
        (row.context_id, row.translation_of_id): row.data
        for row in StringTranslation.objects.filter(
            locale_id=page.locale_id, context__object_id=page.translation_key
        ).only("context_id", "translation_of_id", "data")
    }
    rows = []
    for check in checks:
        overrides = {(o.kind, o.form): o for o in check.overrides.all()}
        current = current_texts.get((check.context_id, check.string_id))
        rows.append(
            {
                "check": check,
                "path": check.context.path,
                "source_text": check.string.data,
                "text": current if current and text_hash(current) == check.text_hash else "",
                "findings": [
                    {
                        **finding,
                        "label": fact_labels.describe(finding),
                        "override": overrides.get((finding["kind"], finding["form"])),
                    }
                    for finding in check.findings
                ],
            }
        )
    return rows


def _render(request, page, *, error: str = "", status: int = 200):
    return TemplateResponse(
        request,
        "review/facts.html",
        {
            "page_title": _("Faktakontroll"),
            "header_title": _("Faktakontroll"),
            "header_icon": "warning",
            "page": page,
            "rows": _rows(page) if page is not None else [],
            "error": error,
            "may_override": page is not None
            and is_translator_of(request.user, page.locale.language_code),
        },
        status=status,
    )


def page_facts(request, page_id):
    """The findings of the current strings of a translated page (the target page's id)."""
    page = get_object_or_404(Page, pk=page_id)
    if page.locale.language_code == settings.LANGUAGE_CODE:
        raise PermissionDenied
    if not user_may_work_in(request.user, page.locale.language_code):
        raise PermissionDenied
    return _render(request, page)


@require_POST
def override_finding(request, check_id):
    """A translator of the language overrides one finding (``kind`` and ``form``) with a reason."""
    check = get_object_or_404(FactCheck.objects.select_related("locale", "context"), pk=check_id)
    page = Page.objects.filter(
        translation_key=check.context.object_id, locale_id=check.locale_id
    ).first()
    language = check.locale.get_display_name()
    if not is_translator_of(request.user, check.locale.language_code):
        message = _("Bara en översättare på %(language)s kan godkänna en avvikelse.") % {
            "language": language
        }
        return _render(request, None, error=message, status=403)
    kind = request.POST.get("kind", "")
    form = request.POST.get("form", "")
    reason = request.POST.get("reason", "").strip()
    if not any(f["kind"] == kind and f["form"] == form for f in check.findings):
        return _render(request, page, error=_("Det finns ingen sådan avvikelse."), status=400)
    if not reason:
        return _render(request, page, error=_("Skriv varför översättningen är rätt."), status=400)
    if len(reason) > REASON_MAX:
        return _render(
            request,
            page,
            error=_("Motiveringen får vara högst %(count)d tecken.") % {"count": REASON_MAX},
            status=400,
        )
    fact_checks.override(check, kind, form, reason, request.user)
    messages.success(request, _("Avvikelsen är godkänd med din motivering."))
    if page is None:
        return redirect("review:queue")
    return redirect("review:facts", page_id=page.pk)
