"""Partnership news: an index with filters and feeds, and the news pages under it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from international.blocks import BodyBlock

from .mixins import IndexPageMixin, listing_context, paginate

__all__ = ["NewsIndexPage", "NewsPage"]


class NewsIndexPage(RoutablePageMixin, IndexPageMixin, Page):
    content_panels = [*Page.content_panels, *IndexPageMixin.index_panels]
    translatable_fields = IndexPageMixin.index_translatable_fields
    search_fields = [*Page.search_fields, *IndexPageMixin.index_search_fields]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["international.NewsPage"]
    max_count_per_parent = 1
    template = "international/news_index_page.html"

    class Meta:
        verbose_name = _("nyhetslista")
        verbose_name_plural = _("nyhetslistor")

    @path("")
    def listing(self, request):
        from international.filters import NewsFilterForm
        from international.selectors import localize_news_relations, news_for_index

        form = NewsFilterForm(request.GET, locale=self.locale)
        items = paginate(request, news_for_index(self, **form.filters()))
        localize_news_relations(items.object_list, self.locale)
        return self.render(
            request,
            context_overrides=listing_context(request, form, items, feeds=self.feed_urls()),
        )

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from international.feeds import NewsRssFeed

        return NewsRssFeed()(request, index=self)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from international.feeds import NewsAtomFeed

        return NewsAtomFeed()(request, index=self)

    def feed_urls(self) -> dict[str, str]:
        return {
            "rss": self.url + self.reverse_subpage("rss").lstrip("/"),
            "atom": self.url + self.reverse_subpage("atom").lstrip("/"),
        }


class NewsPage(Page):
    date = models.DateField(_("datum"), default=timezone.localdate)
    lead = models.TextField(_("ingress"), help_text=_("En eller två meningar om nyheten."))
    body = StreamField(BodyBlock(), verbose_name=_("brödtext"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("alternativtext"),
        max_length=250,
        blank=True,
        help_text=_("Obligatorisk när nyheten har en bild: beskriv vad bilden visar."),
    )
    partners = ParentalManyToManyField(
        "international.Partner", verbose_name=_("partner"), blank=True, related_name="news"
    )
    topics = ParentalManyToManyField(
        "international.Topic", verbose_name=_("ämnen"), blank=True, related_name="news"
    )
    goals = ParentalManyToManyField(
        "international.Goal", verbose_name=_("mål i strategin"), blank=True, related_name="news"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Bild")),
        FieldPanel("body"),
        FieldPanel("partners"),
        FieldPanel("topics"),
        FieldPanel("goals"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("lead"),
        TranslatableField("body"),
        TranslatableField("image_alt"),
        SynchronizedField("slug"),
        SynchronizedField("date"),
        SynchronizedField("image"),
        SynchronizedField("partners"),
        SynchronizedField("topics"),
        SynchronizedField("goals"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["international.NewsIndexPage"]
    subpage_types: list[str] = []
    template = "international/news_page.html"

    class Meta:
        verbose_name = _("nyhet")
        verbose_name_plural = _("nyheter")

    def clean(self):
        super().clean()
        if self.image_id and not (self.image_alt or "").strip():
            raise ValidationError({"image_alt": _("Skriv en alternativtext som beskriver bilden.")})

    def get_context(self, request, *args, **kwargs):
        from core.localization import localize_many

        context = super().get_context(request, *args, **kwargs)
        # A translated news item may be published before its index: link filters only to a
        # live index, never to a 404.
        parent = self.get_parent()
        context["index"] = parent if parent.live else None
        context["partners"] = localize_many(self.partners.all(), self.locale)
        context["topics"] = localize_many(self.topics.all(), self.locale)
        context["goals"] = localize_many(self.goals.all(), self.locale)
        return context
