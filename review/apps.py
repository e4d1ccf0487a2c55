from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "review"
    verbose_name = _("Granskning av översättningar")

    def ready(self):
        from core import content_cache

        from . import (  # noqa: F401 - notice_flags and wording_records connect receivers
            fact_checks,
            notice_flags,
            publish_rules,
            restrictions,
            source_delete,
            stored_states,
            wording_records,
        )
        from .models import ReaderNotice

        fact_checks.connect()
        publish_rules.install()
        restrictions.install()
        source_delete.install()
        stored_states.install()
        # The notice is read through the content cache (templatetags/review_tags.py): a new
        # flag starts a new cache generation, on every host (and one of its page's language).
        content_cache.forget_on_page_change(ReaderNotice)
