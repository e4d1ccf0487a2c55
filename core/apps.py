from django.apps import AppConfig
from django.conf.locale import LANG_INFO

from .languages import missing_lang_info


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        # Without these entries, get_language_info() and Wagtail's Locale.language_name
        # raise KeyError for Somali and Tigrinya.
        for code, info in missing_lang_info().items():
            LANG_INFO.setdefault(code, info)

        from . import content_cache

        content_cache.connect()

        from . import wagtail_localize_protected_span

        wagtail_localize_protected_span.apply()
