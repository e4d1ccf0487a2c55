"""The abstract base of every page type, and of every filtered listing page.

``BasePage`` says once what every page sends to translators and DeepL (its title and the
search-engine fields) and what is copied as is (its slug); page types extend the list, so
``translatable_fields`` on a page reads as "the base, plus these". Its queryset knows which
pages a reader may see in a language (``readable()``), and every page answers Wagtail's
permission questions with the tester ``core.page_permissions`` holds (the publish rule's).

``ListingPage`` is a routable index: its own URL lists its children through a filter form
(``filter_form_class``) and a queryset hook (``listing_queryset``), ten to a page. The
filter rules themselves live on each page type's ``PageQuerySet``.

Abstract: neither class has a table, so moving a page type onto them changes no database.
"""

from urllib.parse import urlencode

from django.core.paginator import Page as DjangoPage
from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageManager, get_page_models
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from . import editor_panels, page_permissions
from .content_cache import cached_in_language, public
from .fragments import keep

LISTING_PAGE_SIZE = 10


class BasePageQuerySet(PageQuerySet):
    def readable(self):
        """Live, public pages that are real content in their locale, not Swedish aliases.

        ``public()`` costs a query only while some page has view restrictions (the shared
        content cache knows)."""
        return public(self.live().filter(alias_of__isnull=True))

    def related_to(self, **lookup):
        """Pages with at least one related object matching ``lookup`` (``partners__slug=...``):
        a subquery of ids, so the page rows are not joined to the relation and need no
        ``DISTINCT`` (which compared every column, the stream field's JSON among them, of
        every listed page)."""
        return self.filter(pk__in=self.model.objects.filter(**lookup).values("pk"))


BasePageManager = PageManager.from_queryset(BasePageQuerySet)


class BasePage(Page):
    # The text every page has, translated (and so sent to translators and DeepL).
    base_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
    ]
    translatable_fields = [*base_translatable_fields, SynchronizedField("slug")]
    # The title, then the readability of the Swedish text (filled by readability/panel.py).
    content_panels = [
        *Page.content_panels,
        editor_panels.Slot("readability", heading=_("Läsbarhet (LIX)")),
    ]

    objects = BasePageManager()

    class Meta:
        abstract = True

    # Where a page type may live is named once, by the higher floor: the home page lists the
    # sections (``home`` may import ``international``); the follow-up page names the strategy
    # page as its parent (``followup`` may import ``international``). A page type that leaves
    # ``parent_page_types`` or ``subpage_types`` unset is allowed only what another type names
    # explicitly (Wagtail's default would be "any page type"), so no page type has to name a
    # model on a floor above its own (``tests/core/test_floors.py`` reads these strings).
    @classmethod
    def clean_parent_page_models(cls):
        if getattr(cls, "parent_page_types", None) is not None:
            return super().clean_parent_page_models()
        return [
            model
            for model in get_page_models()
            if getattr(model, "subpage_types", None) is not None
            and cls in model.clean_subpage_models()
        ]

    @classmethod
    def clean_subpage_models(cls):
        if getattr(cls, "subpage_types", None) is not None:
            return super().clean_subpage_models()
        return [
            model
            for model in get_page_models()
            if getattr(model, "parent_page_types", None) is not None
            and cls in model.clean_parent_page_models()
        ]

    def permissions_for_user(self, user):
        """Wagtail's extension point: the tester ``core.page_permissions`` holds."""
        return page_permissions.tester_for(user, self)


def paginate(request, items, per_page: int = LISTING_PAGE_SIZE):
    """Django's ``get_page`` semantics: ``?page=abc`` gives page 1, ``?page=999`` the last."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def page_of(queryset, ids: list, count: int, number: int, per_page: int = LISTING_PAGE_SIZE):
    """The page ``number`` of a list of ``count`` items whose ids on that page are ``ids``
    (chosen earlier, in order), as ``paginate`` gives it: one query, by id."""
    by_id = queryset.order_by().in_bulk(ids)
    paginator = Paginator([], per_page)
    paginator.count = count  # a cached property: set, the list is never counted
    return DjangoPage([by_id[pk] for pk in ids if pk in by_id], number, paginator)


class IntroMixin(models.Model):
    """An introduction on top of a page that lists others."""

    intro = models.TextField(
        _("ingress"),
        blank=True,
        help_text=_("Några meningar om vad listan innehåller."),
    )

    intro_panels = [FieldPanel("intro")]
    intro_search_fields = [index.SearchField("intro")]
    intro_translatable_fields = [TranslatableField("intro")]

    class Meta:
        abstract = True


class ListingPage(RoutablePageMixin, IntroMixin, BasePage):
    """An introduction over a filtered, paginated list of the page's children."""

    # A ``core.filters.ListingFilterForm`` subclass.
    filter_form_class = None

    content_panels = [*BasePage.content_panels, *IntroMixin.intro_panels]
    translatable_fields = [*BasePage.translatable_fields, *IntroMixin.intro_translatable_fields]
    search_fields = [*BasePage.search_fields, *IntroMixin.intro_search_fields]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def listing_queryset(self, **filters):
        """The children to list, filtered by the form's valid ``filters``, in listing order."""
        raise NotImplementedError

    def prepare_items(self, items) -> None:
        """Give the listed items what their template needs (translated snippets): a hook."""

    def listing_context(self) -> dict:
        """More context for the listing template (feed or calendar links): a hook."""
        return {}

    def listing_clock(self) -> str:
        """What the clock decides in the listing (the items' statuses), as a key of the kept
        listing (``core.fragments``): a hook; nothing by default."""
        return ""

    def listed_items(self, request, filters: dict, listing_key: str | None = None):
        """The page of children the request asks for, ready for their cards.

        Which children, and how many there are, is kept under ``listing_key`` (the filters,
        the page number and the clock) while the pages of the listing's language stay the
        same (``core.content_cache.cached_in_language``): counting and ordering every child
        grows with the site, and a publish in another language changes neither. Kept, the
        page costs one query (its children by id)."""
        queryset = self.listing_queryset(**filters)
        if listing_key is None:
            items = paginate(request, queryset)
        else:
            fresh = []

            def choose():
                fresh.append(paginate(request, queryset))
                page = fresh[0]
                return [item.pk for item in page.object_list], page.paginator.count, page.number

            ids, count, number = cached_in_language(
                self.locale.language_code, "listed-children", (self.pk, listing_key), choose
            )
            items = fresh[0] if fresh else page_of(queryset, ids, count, number)
        self.prepare_items(items.object_list)
        return items

    @path("")
    def listing(self, request):
        form = self.filter_form_class(request.GET, locale=self.locale)
        filters = form.filters()
        page = request.GET.get("page")
        # The results are read only when their part of the template is rendered: a listing
        # kept for the content generation (``{% fragment "listing" %}``, core.fragments)
        # costs no query, and neither does the number of the page it showed.
        # Any text may follow ``?page=``: only a plain page number names a kept listing.
        plain = page is None or (page.isdigit() and len(page) <= 6)
        kept_as = {**filters, "page": page or "", "clock": self.listing_clock()}
        listing_key = urlencode(sorted(kept_as.items())) if plain else None
        items = SimpleLazyObject(lambda: self.listed_items(request, filters, listing_key))
        number = keep(request, "listing-number", (self, listing_key), lambda: items.number)
        # The response may go into the HTTP cache only when every parameter is one the form
        # knows with a valid value and the page number is the one served (``?page=999`` or
        # ``?x=random`` are answered, but never fill the cache).
        request.portal_query_cacheable = (
            set(request.GET) <= {*form.fields, "page"}
            and all(len(request.GET.getlist(name)) == 1 for name in request.GET)
            and form.is_valid()
            and (page is None or page == str(number))
        )
        return self.render(
            request,
            context_overrides={
                "filter_form": form,
                "items": items,
                "listing_key": listing_key,
                # Turning the page keeps the filters.
                "query_string": urlencode(filters),
                **self.listing_context(),
            },
        )
