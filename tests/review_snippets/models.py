from django.db import models

from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail.snippets.models import register_snippet


@register_snippet
class Notice(DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    """A short translatable text, like the site's footer or contact snippets."""

    text = models.CharField(max_length=200)

    class Meta(TranslatableMixin.Meta):
        pass

    def __str__(self):
        return self.text
