from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadabilityConfig(AppConfig):
    name = "readability"
    verbose_name = _("Klarspråk")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core import editor_panels

        from . import signals  # noqa: F401 - stores the LIX of every published Swedish page
        from .panel import ReadabilityPanel

        # The readability report in every page's content tab (core.pages.BasePage).
        editor_panels.fill("readability", ReadabilityPanel)
