"""The Wagtail admin speaks Swedish unless a user picks another language in their account.

Wagtail falls back to the request's language when a user has no preferred language, and
LocaleMiddleware takes that from the browser's Accept-Language: a communicator with an
English browser got an English admin. Under the admin's URLs this middleware activates the
site's default language (Swedish) instead; a user's own choice still wins (Wagtail applies
it per view).

Works around Wagtail's ``UserProfile.get_preferred_language`` (8.0), which falls back to the
active language; Wagtail has no setting for an admin default language and no issue asks for
one. ``tests/upstream/test_upstream_wagtail.py`` fails, naming this module, the day that
fallback changes.
"""

from django.conf import settings
from django.utils import translation

ADMIN_PREFIX = "/admin/"


class AdminLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(ADMIN_PREFIX):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)
