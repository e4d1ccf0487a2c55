from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "review"
    verbose_name = _("Granskning av översättningar")

    def ready(self):
        from . import (
            notice_flags,  # noqa: F401 - connects the reader-notice receivers
            publish_rules,
            string_records,  # noqa: F401 - strings of sources and targets
        )

        publish_rules.install()
