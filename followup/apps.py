from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowUpConfig(AppConfig):
    name = "followup"
    verbose_name = _("Uppföljning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.content_cache import forget_on_change

        from .models import IndicatorValue

        # The page keeps its figures for the content generation (``presentation.figures_key``).
        # An indicator's save starts a new one, but its values are saved after it (and may be
        # saved on their own): each starts one too, so no kept figure outlives its value.
        forget_on_change(IndicatorValue)
