"""Who runs the portal: a site setting, so that nothing in the code names the municipality.

Another organisation runs the portal by changing this setting (Admin → Inställningar →
Organisation) and the content, not the code.

Translatable through a per-locale relation (``OrganisationName``), not wagtail-localize: a
site setting is one row per site (a one-to-one link to ``Site``), while wagtail-localize
translates only ``TranslatableMixin`` models, which are one row per locale. An organisation's
name in another language is also an official name that the coordinators set, not text for
DeepL. Contact details, the web address and social links are the same in every language.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting, ClusterableModel):
    name = models.CharField(
        _("namn"), max_length=120, help_text=_("På källspråket, till exempel ”Exempels kommun”.")
    )
    short_name = models.CharField(
        _("kort namn"),
        max_length=60,
        blank=True,
        help_text=_("Där det långa namnet inte får plats, till exempel i kalenderfiler."),
    )
    postal_address = models.TextField(_("postadress"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    web_address = models.URLField(
        _("webbadress"), blank=True, help_text=_("Organisationens huvudwebbplats.")
    )
    says_reviewed_machine_translation = models.BooleanField(
        _("visa att granskade översättningar är maskinstödda"),
        default=False,
        help_text=_(
            "En granskad översättning som började som maskinöversättning får då en rad om "
            "att den är gjord med maskinstöd och granskad av en person."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name")], heading=_("Namn på källspråket")
        ),
        InlinePanel("names", heading=_("Namn på andra språk"), label=_("namn")),
        MultiFieldPanel(
            [
                FieldPanel("postal_address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("web_address"),
            ],
            heading=_("Kontakt"),
        ),
        InlinePanel("social_links", heading=_("Sociala medier"), label=_("länk")),
        FieldPanel("says_reviewed_machine_translation", heading=_("Översättningar")),
    ]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisation")

    def __str__(self):
        return self.name


class OrganisationName(Orderable):
    """The organisation's name in one language; languages without one show the source name."""

    settings = ParentalKey(OrganisationSettings, on_delete=models.CASCADE, related_name="names")
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("språk"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("namn"), max_length=120)
    short_name = models.CharField(_("kort namn"), max_length=60, blank=True)

    panels = [FieldPanel("locale"), FieldPanel("name"), FieldPanel("short_name")]

    class Meta(Orderable.Meta):
        verbose_name = _("namn på ett språk")
        constraints = [
            models.UniqueConstraint(
                fields=["settings", "locale"], name="organisation_one_name_per_locale"
            )
        ]


class SocialLink(Orderable):
    settings = ParentalKey(
        OrganisationSettings, on_delete=models.CASCADE, related_name="social_links"
    )
    label = models.CharField(_("tjänst"), max_length=40, help_text=_("Till exempel Facebook."))
    url = models.URLField(_("adress"))

    panels = [FieldPanel("label"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("länk till sociala medier")
