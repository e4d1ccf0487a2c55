"""The editorial roles as Wagtail groups, and which locales a user may work in.

``setup_roles()`` is idempotent: it creates or completes the groups and their permissions
and never removes a permission an administrator added by hand.

- "Kommunikatör": edits and publishes the Swedish source pages and snippets, may submit
  pages for translation.
- "Översättare <språk>" (one per non-source locale): edits and publishes pages and snippets
  of that locale only.
- "Samordnare": manages languages, the glossary (when installed), publish policies, reader
  reports and submitting for translation; sees every locale's review queue.

Page permissions are granted on each locale's home page subtree (every locale has its own
tree under the root). Snippet permissions in Wagtail are not per locale, so
``review.snippet_locale`` refuses snippets of other locales for these groups.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import DraftStateMixin, GroupPagePermission, Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from core.languages import swedish_name

COMMUNICATOR = "Kommunikatör"
COORDINATOR = "Samordnare"
TRANSLATOR_PREFIX = "Översättare "

PAGE_EDITOR_CODENAMES = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]


def translator_group_name(language_code: str) -> str:
    return TRANSLATOR_PREFIX + swedish_name(language_code)


def translator_group_names() -> dict[str, str]:
    """Group name -> language code for every translated language of the site."""
    return {
        translator_group_name(code): code
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    }


def user_locale_codes(user) -> set[str] | None:
    """The language codes ``user`` works in; ``None`` means all (superusers, coordinators)."""
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return None
    names = set(user.groups.values_list("name", flat=True))
    if COORDINATOR in names:
        return None
    codes = {code for name, code in translator_group_names().items() if name in names}
    if COMMUNICATOR in names:
        codes.add(settings.LANGUAGE_CODE)
    return codes


def user_may_work_in(user, language_code: str) -> bool:
    codes = user_locale_codes(user)
    return codes is None or language_code in codes


def restricted_locale_codes(user) -> set[str] | None:
    """Locales a user's snippet work is limited to, ``None`` when not limited by a role.

    Only members of the role groups are limited; other staff keep Wagtail's defaults.
    """
    if user.is_superuser:
        return None
    names = set(user.groups.values_list("name", flat=True))
    if COORDINATOR in names:
        return None
    role_names = set(translator_group_names()) | {COMMUNICATOR}
    if not names & role_names:
        return None
    return user_locale_codes(user)


def _permissions(app_label: str, codenames: list[str]) -> list[Permission]:
    return list(
        Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )


def _model_permissions(model, actions: list[str]) -> list[Permission]:
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    codenames = [f"{action}_{model._meta.model_name}" for action in actions]
    return list(Permission.objects.filter(content_type=content_type, codename__in=codenames))


def _translatable_snippet_permissions() -> list[Permission]:
    permissions = []
    for model in get_snippet_models():
        if not issubclass(model, TranslatableMixin):
            continue
        actions = ["add", "change", "delete", "view"]
        if issubclass(model, DraftStateMixin):
            actions.append("publish")
        permissions += _model_permissions(model, actions)
    return permissions


def _grant_pages(group: Group, locale: Locale) -> None:
    homes = Page.objects.filter(depth=2, locale=locale)
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PAGE_EDITOR_CODENAMES
    )
    for home in homes:
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)


def _coordinator_permissions() -> list[Permission]:
    permissions = _permissions("wagtailadmin", ["access_admin"])
    permissions += _permissions("wagtail_localize", ["submit_translation"])
    permissions += _permissions(
        "wagtailcore", ["add_locale", "change_locale", "delete_locale", "view_locale"]
    )
    permissions += _permissions(
        "review",
        [
            "add_localepublishpolicy",
            "change_localepublishpolicy",
            "view_localepublishpolicy",
            "view_readerreport",
            "change_readerreport",
            "delete_readerreport",
        ],
    )
    # The glossary and the budget belong to the translation app when it is installed.
    if apps.is_installed("translation"):
        for model in apps.get_app_config("translation").get_models():
            permissions += _model_permissions(model, ["add", "change", "delete", "view"])
    return permissions


@transaction.atomic
def setup_roles() -> dict[str, Group]:
    """Create or complete every role group; safe to run any number of times."""
    groups = {}
    access_admin = _permissions("wagtailadmin", ["access_admin"])
    snippet_permissions = _translatable_snippet_permissions()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}

    communicator, _ = Group.objects.get_or_create(name=COMMUNICATOR)
    communicator.permissions.add(
        *access_admin,
        *_permissions("wagtail_localize", ["submit_translation"]),
        *snippet_permissions,
    )
    if settings.LANGUAGE_CODE in locales:
        _grant_pages(communicator, locales[settings.LANGUAGE_CODE])
    groups[COMMUNICATOR] = communicator

    for name, code in translator_group_names().items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*access_admin, *snippet_permissions)
        if code in locales:
            _grant_pages(group, locales[code])
        groups[name] = group

    coordinator, _ = Group.objects.get_or_create(name=COORDINATOR)
    coordinator.permissions.add(*_coordinator_permissions())
    groups[COORDINATOR] = coordinator
    return groups
