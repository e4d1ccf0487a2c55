"""Changed Swedish strings in the translation editor: check, keep, or take the machine text.

When a Swedish segment changes, the pipeline carries the translator's own translation over
to the new text, marked for checking (``translation.carry_forward``). wagtail-localize's
editor shows the mark beside the string, but has no place for what changed. This adds:

- a panel above wagtail-localize's editor (``changed_strings.js``, through the
  ``insert_editor_js`` hook, as ``editor_direction`` does), loaded from ``panel_view``:
  per string, the Swedish change word by word (``<del>``/``<ins>``), the carried text, the
  machine translation of the new text and two buttons, *Använd maskinöversättningen* and
  *Texten stämmer* (approves that one string);
- ``save_string_view``: wagtail-localize's string-save endpoint, answering an editor tab
  opened before the Swedish page changed. Instead of a 404 (the segment is gone) the typed
  text is kept and the editor shows, beside the string, what happened and where it went.
"""

import difflib
import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Page
from wagtail_localize.models import String, StringSegment, StringTranslation, Translation
from wagtail_localize.strings import StringValue
from wagtail_localize.views import edit_translation

from rest_framework.authentication import SessionAuthentication
from rest_framework.decorators import (
    api_view,
    authentication_classes,
    permission_classes,
)
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from translation import strings
from translation.carry_forward import SIMILARITY, is_plain_field, open_carries, similarity
from translation.carry_forward import TOOL_NAME as CARRIED
from translation.engines import engine_for
from translation.models import CarriedForward, RetiredSegment

from . import fact_checks
from .editor_footers import with_saved_fact_footer
from .notice_flags import after_approval
from .roles import restricted_locale_codes
from .states import approve_strings, review_state_for_target

_TOKENS = re.compile(r"\s+|\S+")


def plain(text: str) -> str:
    """The reader's text of a segment (wagtail-localize keeps inline tags in it)."""
    try:
        return StringValue(text).render_text()
    except Exception:  # noqa: BLE001 - not segment markup: show it as it is
        return text


def word_diff(old: str, new: str) -> str:
    """``new`` with the words removed from ``old`` in ``<del>`` and those added in ``<ins>``.

    Compares the text without inline markup: the translator checks the words.
    """
    before, after = _TOKENS.findall(plain(old)), _TOKENS.findall(plain(new))
    parts = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(after[j1:j2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(''.join(before[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(''.join(after[j1:j2]))}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every part escaped above


def _translation_for_user(request, translation_id) -> Translation:
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id
    )
    try:
        instance = translation.get_target_instance()
    except Exception as error:
        raise Http404 from error
    codes = restricted_locale_codes(request.user)
    if codes is not None and translation.target_locale.language_code not in codes:
        raise PermissionDenied
    if not edit_translation.user_can_edit_instance(request.user, instance):
        raise PermissionDenied
    return translation


def panel_view(request, translation_id):
    """The panel of changed strings for one translation (an HTML fragment)."""
    translation = _translation_for_user(request, translation_id)
    rows = [
        {
            "carried": carried,
            "path": carried.string_translation.context.path,
            "diff": word_diff(
                carried.previous_string.data, carried.string_translation.translation_of.data
            ),
            "text": carried.string_translation.data,
        }
        for carried in open_carries(translation.source, translation.target_locale)
        if not _approved(carried.string_translation)
    ]
    for row in rows:
        row["facts"] = fact_checks.labelled_findings(row["carried"].string_translation)
    return TemplateResponse(
        request,
        "review/changed_strings_panel.html",
        {
            "rows": rows,
            "translation": translation,
            "next": request.GET.get("next", ""),
            **_facts_notice(translation),
        },
    )


def _facts_notice(translation) -> dict:
    """The facts guard's open findings of this translation, with a link to override them."""
    errors, warnings = fact_checks.counts_by_object(
        [translation.target_locale_id], object_id=translation.source.object_id
    ).get((str(translation.source.object_id), translation.target_locale_id), (0, 0))
    target = Page.objects.filter(
        translation_key=translation.source.object_id, locale_id=translation.target_locale_id
    ).first()
    if not (errors or warnings) or target is None:
        return {}
    return {
        "fact_errors": errors,
        "fact_warnings": warnings,
        "facts_url": reverse("review:facts", args=[target.pk]),
    }


def _approved(string_translation) -> bool:
    approval = getattr(string_translation, "review_approval", None)
    return approval is not None and approval.covers(string_translation)


def _carried_for_user(request, translation_id, string_translation_id):
    translation = _translation_for_user(request, translation_id)
    carried = get_object_or_404(
        CarriedForward.objects.select_related("string_translation"),
        string_translation_id=string_translation_id,
        string_translation__locale_id=translation.target_locale_id,
        string_translation__context__object_id=translation.source.object_id,
    )
    return translation, carried


def _back(request, translation):
    target = translation.get_target_instance()
    if isinstance(target, Page):
        return redirect(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    return redirect(reverse("wagtailadmin_home"))


@require_POST
def take_machine_view(request, translation_id, string_translation_id):
    """Replace a carried translation with the machine translation offered beside it."""
    translation, carried = _carried_for_user(request, translation_id, string_translation_id)
    if not carried.machine_text:
        messages.error(request, _("Det finns ingen maskinöversättning av den nya texten."))
        return _back(request, translation)
    string_translation = carried.string_translation
    if string_translation.tool_name != CARRIED:
        messages.warning(
            request,
            _("Texten har redan ändrats i översättningsverktyget och skrevs inte över."),
        )
        return _back(request, translation)
    with transaction.atomic():
        # The offer was made by the language's engine (translation.engines).
        strings.use_machine_text(
            string_translation,
            carried.machine_text,
            tool_name=engine_for(translation.target_locale).tool_name,
            user=request.user,
        )
    messages.success(request, _("Maskinöversättningen av den nya texten används nu."))
    return _back(request, translation)


@require_POST
def keep_view(request, translation_id, string_translation_id):
    """The carried translation fits the new Swedish text: approve that one string."""
    translation, carried = _carried_for_user(request, translation_id, string_translation_id)
    approve_strings([carried.string_translation], request.user)
    target = translation.get_target_instance()
    if isinstance(target, Page):
        item = review_state_for_target(target)
        if item is not None:
            after_approval(item)
    messages.success(request, _("Översättningen är godkänd för den nya svenska texten."))
    return _back(request, translation)


def _replacement(translation, retired, current):
    """The segment in the same place that replaced ``retired``, if a person has not
    translated it yet (a carried translation nobody checked counts as not yet)."""
    old_text = String.objects.filter(pk=retired.string_id).values_list("data", flat=True).first()
    free = []
    for segment in current.select_related("string", "context"):
        existing = StringTranslation.objects.filter(
            translation_of_id=segment.string_id,
            locale_id=translation.target_locale_id,
            context_id=segment.context_id,
        ).first()
        if (
            existing is None
            or existing.tool_name == CARRIED
            or existing.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
        ):
            free.append(segment)
    if free and is_plain_field(translation.source, free[0].context.path):
        return free[0]  # a title or an intro: one segment, whatever the new text
    scored = [(similarity(old_text or "", segment.string.data), segment) for segment in free]
    scored = [pair for pair in scored if pair[0] >= SIMILARITY]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


# Saving to a segment that is gone --------------------------------------------------------


def _answer(request, translation, string_translation, message, status=200):
    data = edit_translation.StringTranslationSerializer(
        string_translation, context={"translation_source": translation.source}
    ).data
    # The editor shows "error" in red beside the string, in place of the comment.
    data["error"] = message
    data["comment"] = message
    return Response(data, status=status)


def _save(translation, segment_string_id, context_id, value, user, *, carried_from=None):
    before, string_translation = strings.save_by_person(
        string_id=segment_string_id,
        context_id=context_id,
        locale_id=translation.target_locale_id,
        data=value,
        user=user,
        tool_name=CARRIED if carried_from else "",
    )
    if carried_from:
        row, _created = CarriedForward.objects.get_or_create(
            string_translation=string_translation, defaults={"previous_string_id": carried_from}
        )
        row.previous_string_id = carried_from
        if (
            before is not None
            and before.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
        ):
            row.machine_text = before.data  # the machine text it replaces, still on offer
        row.save()
    return string_translation


def save_string_view(request, translation_id, string_segment_id):
    """wagtail-localize's string save, also for a segment removed since the editor opened."""
    if StringSegment.objects.filter(pk=string_segment_id).exists():
        response = edit_translation.edit_string_translation(
            request, translation_id, string_segment_id
        )
        if request.method == "PUT":
            return with_saved_fact_footer(response, translation_id, string_segment_id)
        return response
    return _save_to_retired_segment(request, translation_id, string_segment_id)


@api_view(["PUT", "DELETE"])
@permission_classes([IsAuthenticated])
@authentication_classes([SessionAuthentication])
def _save_to_retired_segment(request, translation_id, string_segment_id):
    # The same checks as the panel: the user's own languages, and no 500 for a target
    # page that is gone.
    translation = _translation_for_user(request, translation_id)
    retired = RetiredSegment.objects.filter(segment_id=string_segment_id).first()
    if retired is None or retired.source_id != translation.source_id:
        # 410, not 404: Django's LocaleMiddleware turns a 404 under /admin/ into a redirect
        # to /sv/admin/..., which is how the editor used to end on a 404 page.
        message = _("Den här texten finns inte i översättningen. Ladda om sidan.")
        return Response({"error": message, "comment": message}, status=410)
    if request.method == "DELETE":
        return Response(status=404)  # nothing to delete: the editor treats this as done
    value = request.POST.get("value", "")
    if not value:
        return Response(status=400)
    current = StringSegment.objects.filter(source=translation.source, context_id=retired.context_id)
    same = current.filter(string_id=retired.string_id).first()
    if same is not None:
        # Only moved (a paragraph added above it): the same text, saved as usual.
        saved = _save(translation, same.string_id, same.context_id, value, request.user)
        return _answer(
            request,
            translation,
            saved,
            _("Sparad. Stycket har flyttats på den svenska sidan; ladda om sidan."),
        )
    with transaction.atomic():
        replacement = _replacement(translation, retired, current)
        if replacement is not None:
            saved = _save(
                translation,
                replacement.string_id,
                replacement.context_id,
                value,
                request.user,
                carried_from=retired.string_id,
            )
            message = _(
                "Den svenska texten ändrades medan du arbetade. Din text är sparad som "
                "översättning av den nya versionen av stycket och markerad för kontroll. "
                "Ladda om sidan för att se ändringen."
            )
        else:
            saved = _save(translation, retired.string_id, retired.context_id, value, request.user)
            message = _(
                "Den svenska texten på det här stället har skrivits om eller tagits bort "
                "medan du arbetade. Din text är sparad som översättning av den gamla texten "
                "(i översättningsminnet) men inte i utkastet. Ladda om sidan och för in den "
                "där den passar."
            )
    return _answer(request, translation, saved, message)
