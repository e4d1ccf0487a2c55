"""Readers report translation problems: a short form, no personal data required.

The form lives on its own URL (``/<lang>/rapportera-oversattning/<page id>/``) and sets no
cookie: instead of Django's CSRF cookie it carries a signed, timestamped form token checked
together with the ``Origin`` header (review/report_guard.py). Every post counts towards the
limit per client address (the real one behind trusted proxies, core/client_address.py),
valid or not; an oversized post is refused before it is read and nothing of it is shown back.
The optional contact details are erased after ``READER_REPORT_CONTACT_RETENTION_DAYS``
(review/retention.py).
"""

import hashlib

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from wagtail.models import Page

from core.client_address import client_ip
from core.origin import same_origin

from . import report_guard
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


def _client_key(request) -> str:
    """A hash of the client address: the address itself is never stored."""
    address = client_ip(request)
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


class ReaderReportSubmission(ReaderReportForm):
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, page_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.page_id = page_id
        self.fields["token"].initial = report_guard.form_token(page_id)

    def clean(self):
        if not report_guard.token_valid(self.cleaned_data.get("token", ""), self.page_id):
            raise forms.ValidationError(
                _("Formuläret har gått ut. Skicka rapporten igen."), code="expired"
            )
        return super().clean()


def _without_oversized(data) -> dict:
    """What a refused post may show back: only values within their field's length."""
    limits = {"part": 20, "problem": 2000, "contact": 200}
    return {
        name: value for name, value in data.items() if name in limits and len(value) <= limits[name]
    }


@never_cache
@csrf_exempt  # no CSRF cookie: a signed form token and the Origin header instead
def report_translation(request, page_id):
    page = _translated_page(page_id)
    context = {"reported_page": page, "hide_translation_notice": True}
    if request.method in ("GET", "HEAD") and request.GET.get("skickad"):
        return TemplateResponse(request, "review/reader/report_sent.html", context)
    if request.method == "OPTIONS":
        response = HttpResponse(status=200)
        response["Allow"] = "GET, HEAD, POST, OPTIONS"
        return response
    if request.method == "POST":
        if _rate_limited(request):
            return TemplateResponse(
                request, "review/reader/report_limited.html", context, status=429
            )
        if report_guard.body_too_large(request):
            return HttpResponse(_("Rapporten är för stor."), status=413, content_type="text/plain")
        if not same_origin(request):
            return HttpResponse(
                _("Rapporten kom inte från den här webbplatsen."),
                status=403,
                content_type="text/plain",
            )
        form = ReaderReportSubmission(request.POST, page_id=page.pk)
        if form.is_valid():
            report = form.save(commit=False)
            report.page = page
            report.locale = page.locale
            report.save()
            return redirect(f"{request.path}?skickad=1")
        # The errors stay; the values shown back are only those of a sensible length, and
        # the token is a fresh one.
        form.data = {**_without_oversized(request.POST), "token": form.fields["token"].initial}
    elif request.method in ("GET", "HEAD"):
        form = ReaderReportSubmission(page_id=page.pk)
    else:
        response = HttpResponse(status=405)
        response["Allow"] = "GET, HEAD, POST, OPTIONS"
        return response
    context["form"] = form
    status = 400 if form.is_bound else 200
    return TemplateResponse(request, "review/reader/report_form.html", context, status=status)
