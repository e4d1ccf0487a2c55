"""Django behaviour that ``core/locale_redirect.py`` works around."""

from django.http import HttpResponseNotFound
from django.middleware.locale import LocaleMiddleware
from django.test import RequestFactory
from django.utils import translation

import pytest
from upstream_guard import changed


@pytest.mark.django_db
def test_locale_middleware_still_redirects_a_404_under_admin_to_a_language_prefix():
    request = RequestFactory().get("/admin/localize/api/snippets/international/programme/1/")
    middleware = LocaleMiddleware(lambda request: HttpResponseNotFound())
    with translation.override("sv"):
        response = middleware.process_response(request, HttpResponseNotFound())
    assert response.status_code == 302 and response.url.startswith("/sv/admin/"), changed(
        "core/locale_redirect.py",
        "Django's LocaleMiddleware no longer redirects a 404 outside i18n_patterns to the "
        "same path under the active language",
    )
