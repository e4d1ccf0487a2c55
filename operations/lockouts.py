"""Inloggningsspärrar: administrators see and lift django-axes' login lockouts.

Attempts are rows of axes' ``AccessAttempt`` (the database handler). Lifting a lockout deletes
the failed attempts of that account and of that address, as ``manage.py axes_reset_username``
and ``axes_reset_ip`` do.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from axes.models import AccessAttempt
from axes.utils import reset


def _require_superuser(request):
    if not request.user.is_superuser:
        raise PermissionDenied


def lockouts_view(request):
    _require_superuser(request)
    attempts = AccessAttempt.objects.order_by("-attempt_time")[:200]
    limit = settings.AXES_FAILURE_LIMIT
    return TemplateResponse(
        request,
        "operations/lockouts.html",
        {
            "page_title": _("Inloggningsspärrar"),
            "attempts": [(attempt, attempt.failures_since_start >= limit) for attempt in attempts],
        },
    )


@require_POST
def unlock_view(request, attempt_id):
    _require_superuser(request)
    attempt = get_object_or_404(AccessAttempt, pk=attempt_id)
    reset(ip=attempt.ip_address, username=attempt.username, ip_or_username=True)
    messages.success(
        request,
        _("Spärren för %(username)s från %(address)s är hävd.")
        % {"username": attempt.username or "-", "address": attempt.ip_address or "-"},
    )
    return redirect(reverse("portal_lockouts"))
