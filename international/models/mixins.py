"""Abstract pieces shared by the international page types and snippets."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

__all__ = ["ExampleMixin"]


class ExampleMixin(models.Model):
    """Marks invented demo content so editors can tell it from real facts in the admin."""

    is_example = models.BooleanField(
        _("exempel"),
        default=False,
        help_text=_(
            "Markerat när innehållet är påhittat för demonstration och inte beskriver ett "
            "verkligt samarbete. Visas bara i administrationen."
        ),
    )

    example_panels = [FieldPanel("is_example")]

    class Meta:
        abstract = True

    def get_admin_display_title(self):
        """Pages marked as examples say so wherever the admin lists them."""
        title = super().get_admin_display_title()
        return _("%(title)s (exempel)") % {"title": title} if self.is_example else title
