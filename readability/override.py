"""Letting a page above the readability threshold through the gate, with a recorded reason.

Letting a page through queues its translation job, which is ``translation``'s, a floor above:
this view sends ``page_let_through`` and ``translation`` answers it (``translation.signals``),
so ``readability`` imports neither ``review`` nor ``translation``. After it the coordinator is
taken back to the page's draft status (``translation_page_status``, by URL name).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.dispatch import Signal
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Page

from readability import gate
from readability.models import ReadabilityOverride

MAX_REASON = 2000

# Sent with ``page_id`` when a live page is let through: its drafts are due now.
page_let_through = Signal()


@require_POST
def override_gate(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    reason = (request.POST.get("reason") or "").strip()
    found = gate.verdict(page)
    if found.state != gate.HELD:
        messages.info(request, _("Sidan hålls inte kvar av läsbarhetsgränsen."))
    elif not reason:
        messages.error(request, _("Skriv varför utkasten ska göras trots att texten är svår."))
    elif len(reason) > MAX_REASON:
        messages.error(request, _("Skälet får vara högst 2000 tecken."))
    else:
        ReadabilityOverride.objects.create(
            page=page,
            user=request.user,
            reason=reason,
            score=found.lix.score,
            threshold=found.threshold,
        )
        if page.live:
            page_let_through.send(sender=ReadabilityOverride, page_id=page.pk)
        messages.success(request, _("Spärren är hävd och utkasten görs."))
    return redirect("translation_page_status", page_id=page.pk)
