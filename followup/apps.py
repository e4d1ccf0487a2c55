from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowUpConfig(AppConfig):
    name = "followup"
    verbose_name = _("Uppföljning")
    default_auto_field = "django.db.models.BigAutoField"
