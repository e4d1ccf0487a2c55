from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    name = "translation"
    verbose_name = _("Översättning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from review import machine_translation

        from . import fuzzy_memory, provenance, signals  # noqa: F401 - signals connects page_published
        from .engines import engine_for
        from .policy import is_review_only

        machine_translation.register(
            is_review_only=is_review_only,
            tool_name_for=lambda locale: engine_for(locale).tool_name,
            latest_provenance=provenance.latest_for,
            fuzzy_suggestions=fuzzy_memory.suggestions,
        )
