"""Readers report translation problems: a short form, no personal data required.

The form lives on its own URL (``/<lang>/rapportera-oversattning/<page id>/``) so that the
CSRF cookie is only set for a reader who opens it; ordinary page views set no cookies.
"""

import hashlib

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from wagtail.models import Page

from .models import ReaderReport

REPORTS_PER_HOUR = 5
WINDOW_SECONDS = 60 * 60


class ReaderReportForm(forms.ModelForm):
    class Meta:
        model = ReaderReport
        fields = ["part", "problem", "contact"]
        labels = {
            "part": _("Var på sidan är felet?"),
            "problem": _("Vad är fel?"),
            "contact": _("E-post eller telefon om du vill ha svar (frivilligt)"),
        }
        widgets = {
            "part": forms.RadioSelect,
            "problem": forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["part"].choices = ReaderReport.Part.choices  # no empty "---------" radio


def client_address(request) -> str:
    """The reader's address. Behind Varnish (and a CDN) REMOTE_ADDR is the proxy's, the same
    for every reader: with ``PORTAL_TRUSTED_PROXIES`` = n, the n-th address from the right of
    X-Forwarded-For (each trusted proxy appends the address it saw) is the reader's."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.PORTAL_TRUSTED_PROXIES
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    return address


def _client_key(request) -> str:
    """A hash of the client address: the address itself is never stored."""
    address = client_address(request)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()
    return f"review:reader-report:{digest[:32]}"


def _rate_limited(request) -> bool:
    # Shared by every application host (settings.PORTAL_RATE_LIMIT_CACHE: Redis in production).
    cache = caches[settings.PORTAL_RATE_LIMIT_CACHE]
    key = _client_key(request)
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count > REPORTS_PER_HOUR


def _translated_page(page_id: int) -> Page:
    page = get_object_or_404(Page.objects.live().select_related("locale"), pk=page_id)
    if page.locale.language_code == settings.LANGUAGE_CODE:
        raise Http404
    if page.locale.language_code != get_language():
        raise Http404
    return page.specific


@never_cache
@csrf_protect
def report_translation(request, page_id):
    page = _translated_page(page_id)
    context = {"reported_page": page, "hide_translation_notice": True}
    if request.method == "GET" and request.GET.get("skickad"):
        return TemplateResponse(request, "review/reader/report_sent.html", context)
    if request.method == "POST":
        form = ReaderReportForm(request.POST)
        if form.is_valid():
            if _rate_limited(request):
                return TemplateResponse(
                    request, "review/reader/report_limited.html", context, status=429
                )
            report = form.save(commit=False)
            report.page = page
            report.locale = page.locale
            report.save()
            return redirect(f"{request.path}?skickad=1")
    elif request.method == "GET":
        form = ReaderReportForm()
    else:
        return TemplateResponse(request, "review/reader/report_form.html", context, status=405)
    context["form"] = form
    status = 400 if form.is_bound else 200
    return TemplateResponse(request, "review/reader/report_form.html", context, status=status)
