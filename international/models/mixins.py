"""Abstract pieces shared by the international page types and snippets."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

__all__ = ["ExampleMixin", "IndexPageMixin", "LISTING_PAGE_SIZE", "listing_context", "paginate"]

LISTING_PAGE_SIZE = 10


def paginate(request, items, per_page: int = LISTING_PAGE_SIZE):
    """Django's ``get_page`` semantics: ``?page=abc`` gives page 1, ``?page=999`` the last."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def listing_context(request, form, items, **extra) -> dict:
    """What every filtered listing template needs; the query string keeps the filters
    when the reader turns the page.

    The response may go into the HTTP cache only when every parameter is one the form knows
    with a valid value and the page number is the one served (``?page=999`` or
    ``?x=random`` are answered, but never fill the cache)."""
    page = request.GET.get("page")
    request.portal_query_cacheable = (
        set(request.GET) <= {*form.fields, "page"}
        and all(len(request.GET.getlist(name)) == 1 for name in request.GET)
        and form.is_valid()
        and (page is None or page == str(items.number))
    )
    return {
        "filter_form": form,
        "items": items,
        "query_string": urlencode(form.filters()),
        **extra,
    }


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


class IndexPageMixin(models.Model):
    """An introduction on top of a listing page."""

    intro = models.TextField(
        _("ingress"),
        blank=True,
        help_text=_("Några meningar om vad listan innehåller."),
    )

    index_panels = [FieldPanel("intro")]
    index_search_fields = [index.SearchField("intro")]
    index_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        SynchronizedField("slug"),
    ]

    class Meta:
        abstract = True
