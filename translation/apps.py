from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    name = "translation"
    verbose_name = _("Översättning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Receivers: signals queues a page's drafts on publish, string_records keeps what
        # staleness and carrying forward need, provenance records each machine string's engine.
        from . import provenance, signals, string_records  # noqa: F401
