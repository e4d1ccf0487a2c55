"""The organisation as templates, feeds and JSON-LD read it, without a query per request.

Everything about a site's organisation (all its names and links) is one entry per site in
the content cache (``core.content_cache``: a worker keeps it in memory for the content
generation), filled on first use; saving or deleting the setting or one of its rows starts a
new generation (``organisation.signals``). The name is then picked per language in Python.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import translation

from core.content_cache import cached, current_site

from .models import OrganisationSettings

_MISSING = "missing"


@dataclass(frozen=True)
class Organisation:
    name: str
    short_name: str
    # The language of ``name``: the page's, or the source language when not translated.
    name_language: str
    postal_address: str
    phone: str
    email: str
    web_address: str
    social_links: tuple[tuple[str, str], ...]
    # Reviewed translations that began as machine text say so (the organisation's choice).
    says_reviewed_machine_translation: bool = False

    @property
    def web_host(self) -> str:
        """The web address's host without ``www.``: ``https://www.example.se/`` -> example.se."""
        host = urlsplit(self.web_address).hostname or ""
        return host.removeprefix("www.")


def _load(site_id: int) -> dict | None:
    row = (
        OrganisationSettings.objects.filter(site_id=site_id)
        .prefetch_related("names__locale", "social_links")
        .first()
    )
    if row is None:
        return None
    return {
        "name": row.name,
        "short_name": row.short_name,
        "names": {
            name.locale.language_code: (name.name, name.short_name) for name in row.names.all()
        },
        "postal_address": row.postal_address,
        "phone": row.phone,
        "email": row.email,
        "web_address": row.web_address,
        "social_links": [(link.label, link.url) for link in row.social_links.all()],
        "says_reviewed_machine_translation": row.says_reviewed_machine_translation,
    }


def for_site(site_id: int | None, language_code: str | None = None) -> Organisation | None:
    """The organisation of ``site_id`` with its name in ``language_code`` (default: active)."""
    if site_id is None:
        return None
    data = cached("organisation", (site_id,), lambda: _load(site_id) or _MISSING)
    if data == _MISSING:
        return None
    language_code = language_code or translation.get_language() or settings.LANGUAGE_CODE
    translated = data["names"].get(language_code)
    name, short_name = translated or (data["name"], data["short_name"])
    return Organisation(
        name=name,
        short_name=short_name or name,
        name_language=language_code if translated else settings.LANGUAGE_CODE,
        postal_address=data["postal_address"],
        phone=data["phone"],
        email=data["email"],
        web_address=data["web_address"],
        social_links=tuple(tuple(link) for link in data["social_links"]),
        says_reviewed_machine_translation=data.get("says_reviewed_machine_translation", False),
    )


def for_request(request, language_code: str | None = None) -> Organisation | None:
    """The organisation of the request's site (found through the shared content cache),
    remembered on the request: a page asks for it in several places, the cache once."""
    language_code = language_code or translation.get_language() or settings.LANGUAGE_CODE
    remembered = request.__dict__.setdefault("_portal_organisations", {})
    if language_code not in remembered:
        site = current_site(request)
        remembered[language_code] = for_site(site.pk if site else None, language_code)
    return remembered[language_code]


def for_page(page, request=None) -> Organisation | None:
    """The organisation of ``page``'s site, named in the page's language."""
    language_code = page.locale.language_code
    if request is not None:
        return for_request(request, language_code)
    site = page.get_site()
    return for_site(site.pk if site else None, language_code)
