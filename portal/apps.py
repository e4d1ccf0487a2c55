from django.apps import AppConfig
from django.conf.locale import LANG_INFO

from .settings.languages import EXTRA_LANG_INFO


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        # Without these entries, get_language_info() and Wagtail's Locale.language_name
        # raise KeyError for Somali and Tigrinya.
        for code, info in EXTRA_LANG_INFO.items():
            LANG_INFO.setdefault(code, info)

        from . import content_cache, purge

        content_cache.connect()
        purge.connect()
