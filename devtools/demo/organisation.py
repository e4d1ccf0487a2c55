"""The demo's organisation: the site setting that names the municipality running the portal.

Filled once; a second run, or a run after someone edited the setting in the admin, changes
nothing (rows are only added where missing).
"""

from wagtail.models import Locale, Site

from organisation.models import OrganisationName, OrganisationSettings, SocialLink

from .international_content import CONTACT

ORGANISATION = {
    "name": "Nässjö kommun",
    "short_name": "Nässjö kommun",
    "postal_address": "571 80 Nässjö",
    "phone": CONTACT["phone"],
    "email": CONTACT["email"],
    "web_address": "https://www.nassjo.se/",
}

# The municipality's name in each language, as the interface catalogs had it.
NAMES = {
    "en": "Nässjö Municipality",
    "ar": "بلدية نيشو",
    "fa": "شهرداری نِشو",
    "so": "Degmada Nässjö",
    "ti": "ምምሕዳር ከተማ ነሸ",
    "uk": "Муніципалітет Несше",
    "pl": "Gmina Nässjö",
    "fi": "Nässjön kunta",
}

# Check the address before a public demo: accounts move.
SOCIAL_LINKS = [("Facebook", "https://www.facebook.com/nassjokommun")]


def load(stdout) -> OrganisationSettings | None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    organisation, created = OrganisationSettings.objects.get_or_create(
        site=site, defaults=ORGANISATION
    )
    if created:
        stdout.write(f"  organisation: {organisation.name}")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for position, (code, name) in enumerate(NAMES.items()):
        if code in locales:
            OrganisationName.objects.get_or_create(
                settings=organisation,
                locale=locales[code],
                defaults={"name": name, "short_name": name, "sort_order": position},
            )
    if created:
        for position, (label, url) in enumerate(SOCIAL_LINKS):
            SocialLink.objects.create(
                settings=organisation, label=label, url=url, sort_order=position
            )
    return organisation
