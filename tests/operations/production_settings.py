"""The production settings, with static files from the finders (no collectstatic before a
test run): what the gunicorn tests of ``tests/operations/test_shared_facts.py`` serve."""

from portal.settings.production import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
