"""Partnership news: an index with filters and feeds, and the news pages under it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Locale, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.fragments import keep
from core.localization import localize_later, localize_many
from core.pages import BasePage, BasePageQuerySet, ListingPage
from international.blocks import BodyBlock
from international.feeds import NewsAtomFeed, NewsRssFeed
from international.filters import NewsFilterForm

__all__ = ["NewsIndexPage", "NewsPage"]


class NewsQuerySet(BasePageQuerySet):
    def filtered(self, *, partner=None, topic=None, goal=None):
        """The news matching the listing's filters (slugs, shared by every language)."""
        qs = self
        if partner:
            qs = qs.related_to(partners__slug=partner)
        if topic:
            qs = qs.related_to(topics__slug=topic)
        if goal:
            qs = qs.related_to(goals__slug=goal)
        return qs

    def newest_first(self):
        return self.order_by("-date", "-first_published_at", "-pk")


def localize_news_relations(pages, locale: Locale) -> None:
    """Give each news page ``localized_partners`` and ``localized_topics``: two queries."""
    pages = list(pages)
    for attribute, target in (("partners", "localized_partners"), ("topics", "localized_topics")):
        related = {obj.pk: obj for page in pages for obj in getattr(page, attribute).all()}
        localized = dict(zip(related, localize_many(related.values(), locale), strict=True))
        for page in pages:
            setattr(page, target, [localized[obj.pk] for obj in getattr(page, attribute).all()])


class NewsIndexPage(ListingPage):
    filter_form_class = NewsFilterForm

    subpage_types = ["international.NewsPage"]
    template = "international/news_index_page.html"

    class Meta:
        verbose_name = _("nyhetslista")
        verbose_name_plural = _("nyhetslistor")

    def listing_queryset(self, **filters):
        return (
            NewsPage.objects.child_of(self)
            .readable()
            .filtered(**filters)
            # A card shows the title, date, lead and tags: the body is neither read nor decoded.
            .defer_streamfields()
            .select_related("locale")
            .prefetch_related("partners", "topics")
            .newest_first()
        )

    def prepare_items(self, items) -> None:
        localize_news_relations(items, self.locale)

    def listing_context(self) -> dict:
        return {"feeds": self.feed_urls()}

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return self.kept_feed(request, "rss", NewsRssFeed)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return self.kept_feed(request, "atom", NewsAtomFeed)

    def kept_feed(self, request, kind: str, feed_class) -> HttpResponse:
        """The feed, built once per content generation (``core.fragments``: news do not
        follow the clock; a publish, the organisation's names or a new release start over)."""

        def build():
            response = feed_class()(request, index=self)
            return response.content, response["Content-Type"], response.get("Last-Modified")

        content, content_type, last_modified = keep(request, f"feed-{kind}", (self,), build)
        response = HttpResponse(content, content_type=content_type)
        if last_modified:
            response["Last-Modified"] = last_modified
        return response

    def get_cached_paths(self) -> list[str]:
        """Wagtail's hook for the HTTP cache: the feeds change with the listing."""
        feeds = [self.reverse_subpage(name) for name in ("rss", "atom")]
        return [*super().get_cached_paths(), *("/" + feed.lstrip("/") for feed in feeds)]

    def feed_urls(self) -> dict[str, str]:
        return {
            "rss": self.url + self.reverse_subpage("rss").lstrip("/"),
            "atom": self.url + self.reverse_subpage("atom").lstrip("/"),
        }


class NewsPage(BasePage):
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
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Bild")),
        FieldPanel("body"),
        FieldPanel("partners"),
        FieldPanel("topics"),
        FieldPanel("goals"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("lead"),
        TranslatableField("body"),
        TranslatableField("image_alt"),
        SynchronizedField("date"),
        SynchronizedField("image"),
        SynchronizedField("partners"),
        SynchronizedField("topics"),
        SynchronizedField("goals"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    objects = PageManager.from_queryset(NewsQuerySet)()

    parent_page_types = ["international.NewsIndexPage"]
    subpage_types: list[str] = []
    template = "international/news_page.html"

    class Meta:
        verbose_name = _("nyhet")
        verbose_name_plural = _("nyheter")
        # The newest items first (the home page's latest news, the listing's first page):
        # read backwards from this index, a few rows, instead of sorting every item of the
        # site (issue 24: at 100× the home page's latest news 23 → 1.4 ms).
        indexes = [models.Index(fields=["date"], name="international_news_date")]

    def clean(self):
        super().clean()
        if self.image_id and not (self.image_alt or "").strip():
            raise ValidationError({"image_alt": _("Skriv en alternativtext som beskriver bilden.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A translated news item may be published before its index: link filters only to a
        # live index, never to a 404.
        parent = self.get_parent()
        context["index"] = parent if parent.live else None
        # Read when the page's text is rendered, not when it is kept (core.fragments).
        context["partners"] = localize_later(self.partners, self.locale)
        context["topics"] = localize_later(self.topics, self.locale)
        context["goals"] = localize_later(self.goals, self.locale)
        return context
