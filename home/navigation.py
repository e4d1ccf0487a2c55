"""Site furniture managed in the CMS: the main navigation, footer links and contact details.

Both are translatable snippets. The templates look them up in the reader's locale and fall
back to the Swedish source for anything not yet translated.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from portal.localization import localize_many, snippets_in_locale


class NavigationLink(TranslatableMixin, models.Model):
    class Menu(models.TextChoices):
        MAIN = "main", _("Huvudmeny")
        FOOTER = "footer", _("Sidfot")

    menu = models.CharField(_("meny"), max_length=10, choices=Menu.choices, default=Menu.MAIN)
    label = models.CharField(
        _("länktext"), max_length=60, blank=True, help_text=_("Tomt: sidans titel används.")
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("sida"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    url = models.URLField(_("extern adress"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    panels = [
        FieldPanel("menu"),
        FieldPanel("label"),
        PageChooserPanel("page"),
        FieldPanel("url"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        TranslatableField("label"),
        SynchronizedField("menu"),
        SynchronizedField("page"),
        SynchronizedField("url"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menylänk")
        verbose_name_plural = _("menylänkar")
        ordering = ["menu", "sort_order"]

    def __str__(self):
        return self.label or (self.page.title if self.page else self.url)

    def clean(self):
        super().clean()
        if bool(self.page_id) == bool(self.url):
            raise ValidationError(_("Välj antingen en sida eller en extern adress."))


class FooterContent(TranslatableMixin, models.Model):
    """Contact details in the footer, one per language."""

    heading = models.CharField(_("rubrik"), max_length=80, default="Kontakt")
    organisation = models.CharField(_("organisation"), max_length=120)
    address = models.TextField(_("postadress"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    note = models.TextField(_("övrigt"), blank=True, help_text=_("Till exempel öppettider."))

    panels = [
        FieldPanel("heading"),
        FieldPanel("organisation"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("note"),
    ]
    translatable_fields = [
        TranslatableField("heading"),
        TranslatableField("organisation"),
        TranslatableField("note"),
        SynchronizedField("address"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("sidfot")
        verbose_name_plural = _("sidfötter")

    def __str__(self):
        return f"{self.heading} ({self.locale})"


def menu_links(menu: str, locale, request=None) -> list[dict]:
    """The links of one menu in ``locale``, each pointing at the page's translation when the
    page has a live one. From the furniture cache (``home.cache``); no query when warm."""
    from portal.content_cache import cached, current_site

    site = current_site(request)
    return cached(
        "menu",
        (menu, locale.pk if locale else "", site.pk if site else ""),
        lambda: _menu_links(menu, locale, request),
    )


def _menu_links(menu: str, locale, request=None) -> list[dict]:
    links = snippets_in_locale(
        NavigationLink.objects.filter(menu=menu)
        .select_related("page", "page__locale")
        .order_by("sort_order"),
        locale,
    )
    pages = [link.page for link in links if link.page is not None and link.page.live]
    translated = {}
    if locale is not None and pages:
        translated = {
            page.translation_key: page
            for page in Page.objects.live()
            .filter(
                translation_key__in=[page.translation_key for page in pages],
                locale=locale,
                alias_of__isnull=True,
            )
            .select_related("locale")
        }
    result = []
    for link in links:
        if link.page is not None:
            if not link.page.live:
                continue
            page = translated.get(link.page.translation_key, link.page)
            result.append(
                {
                    "label": link.label or page.title,
                    "url": page.get_url(request),
                    # What the menu needs to mark the current page and its ancestors.
                    "url_path": page.url_path,
                    "depth": page.depth,
                    "lang": page.locale.language_code if page.locale_id else None,
                }
            )
        else:
            result.append({"label": link.label or link.url, "url": link.url, "url_path": None})
    return result


def footer_content(locale) -> FooterContent | None:
    """The footer in ``locale`` (Swedish where untranslated), from the furniture cache."""
    from portal.content_cache import cached

    return cached("footer", (locale.pk if locale else "",), lambda: _footer_content(locale))


def _footer_content(locale) -> FooterContent | None:
    source = (
        FooterContent.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .select_related("locale")
        .first()
    )
    if source is None:
        return None
    return localize_many([source], locale)[0]
