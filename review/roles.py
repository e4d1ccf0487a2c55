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
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import DraftStateMixin, GroupPagePermission, Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from core.languages import swedish_name

from .models import Role

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
    """The name ``setup_roles`` gives a new translator group (only a default label)."""
    return TRANSLATOR_PREFIX + swedish_name(language_code)


def translated_language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _user_roles(user) -> list[tuple[str, str | None]]:
    """(kind, language code) of every role the user's groups play, read once per user."""
    cached = getattr(user, "_review_roles", None)
    if cached is None:
        cached = list(
            Role.objects.filter(group__user=user).values_list("kind", "locale__language_code")
        )
        user._review_roles = cached
    return cached


def is_coordinator(user) -> bool:
    return user.is_authenticated and any(
        kind == Role.Kind.COORDINATOR for kind, _code in _user_roles(user)
    )


def _role_codes(roles) -> set[str]:
    codes = {code for kind, code in roles if kind == Role.Kind.TRANSLATOR and code}
    if any(kind == Role.Kind.COMMUNICATOR for kind, _code in roles):
        codes.add(settings.LANGUAGE_CODE)
    return codes


def user_locale_codes(user) -> set[str] | None:
    """The language codes ``user`` works in; ``None`` means all (superusers, coordinators)."""
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return None
    roles = _user_roles(user)
    if any(kind == Role.Kind.COORDINATOR for kind, _code in roles):
        return None
    return _role_codes(roles)


def user_may_work_in(user, language_code: str) -> bool:
    codes = user_locale_codes(user)
    return codes is None or language_code in codes


def is_translator_of(user, language_code: str) -> bool:
    """A translator role in this very language (superusers and coordinators are not)."""
    return user.is_authenticated and any(
        kind == Role.Kind.TRANSLATOR and code == language_code for kind, code in _user_roles(user)
    )


def restricted_locale_codes(user) -> set[str] | None:
    """Locales a user's snippet work is limited to, ``None`` when not limited by a role.

    Only members of the role groups are limited; other staff keep Wagtail's defaults.
    """
    if not user.is_authenticated:
        return set()
    if user.is_superuser or not _user_roles(user):
        return None
    return user_locale_codes(user)


def publish_locale_codes(user) -> set[str] | None:
    """The languages ``user`` may publish in; ``None`` when Wagtail's permissions decide.

    A coordinator sees every language but publishes in none; a communicator publishes
    Swedish; a translator their own language(s). Superusers and staff outside the role
    groups keep Wagtail's own page permissions.
    """
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return None
    roles = _user_roles(user)
    if not roles:
        return None
    return _role_codes(roles)


def role_group(kind: str, locale: Locale | None = None) -> Group | None:
    """The group that plays a role (found by data, whatever it is called now)."""
    role = Role.objects.filter(kind=kind, locale=locale).select_related("group").first()
    return role.group if role else None


def translator_users(language_code: str | None = None):
    users = get_user_model().objects.filter(
        is_active=True, groups__review_role__kind=Role.Kind.TRANSLATOR
    )
    if language_code:
        users = users.filter(groups__review_role__locale__language_code=language_code)
    return users.distinct()


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


def _grant_source_delete(group: Group, locale: Locale) -> None:
    """Coordinators may delete Swedish pages (``PublishRuleTester.can_delete``), also those
    live in other languages, after the confirmation has listed the translators' work
    (``review.source_delete``). ``bulk_delete`` alone lets them edit or publish nothing."""
    permission = Permission.objects.get(
        content_type__app_label="wagtailcore", codename="bulk_delete_page"
    )
    for home in Page.objects.filter(depth=2, locale=locale):
        GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)


# The translation app's bookkeeping of strings: no person edits these rows.
ENGINE_RECORDS = {
    "SourceStrings",
    "TranslatedFrom",
    "CarriedForward",
    "RetiredSegment",
    "AgencyMemory",
}


def _coordinator_permissions() -> list[Permission]:
    permissions = _permissions("wagtailadmin", ["access_admin"])
    permissions += _permissions("wagtail_localize", ["submit_translation"])
    permissions += _permissions(
        "wagtailcore", ["add_locale", "change_locale", "delete_locale", "view_locale"]
    )
    permissions += _permissions(
        "review", ["view_readerreport", "change_readerreport", "delete_readerreport"]
    )
    # The language settings, the glossary, drafts, usage and pauses: the translation app's
    # models that a coordinator manages. Not its string records (``ENGINE_RECORDS``), which
    # only the pipeline and the editor write.
    for model in apps.get_app_config("translation").get_models():
        if model.__name__ not in ENGINE_RECORDS:
            permissions += _model_permissions(model, ["add", "change", "delete", "view"])
    # So do the strategy's indicators and their figures (the follow-up app).
    if apps.is_installed("followup"):
        for model in apps.get_app_config("followup").get_models():
            permissions += _model_permissions(model, ["add", "change", "delete", "view"])
    return permissions


def _role_group(kind: str, name: str, locale: Locale | None = None) -> Group:
    """The group playing ``kind`` (in ``locale``): found by its role, created by name."""
    group = role_group(kind, locale)
    if group is None:
        group, _ = Group.objects.get_or_create(name=name)
        Role.objects.update_or_create(group=group, defaults={"kind": kind, "locale": locale})
    return group


@transaction.atomic
def setup_roles() -> dict[str, Group]:
    """Create or complete every role group; safe to run any number of times.

    Groups are found by their ``Role``, so a group renamed in the admin keeps its role and
    no second group is made. The result is keyed by the default names.
    """
    groups = {}
    access_admin = _permissions("wagtailadmin", ["access_admin"])
    snippet_permissions = _translatable_snippet_permissions()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}

    communicator = _role_group(Role.Kind.COMMUNICATOR, COMMUNICATOR)
    communicator.permissions.add(
        *access_admin,
        *_permissions("wagtail_localize", ["submit_translation"]),
        *snippet_permissions,
    )
    if settings.LANGUAGE_CODE in locales:
        _grant_pages(communicator, locales[settings.LANGUAGE_CODE])
    groups[COMMUNICATOR] = communicator

    for code in translated_language_codes():
        name = translator_group_name(code)
        if code not in locales:
            continue  # the role is tied to the locale: made once the locale exists
        group = _role_group(Role.Kind.TRANSLATOR, name, locales[code])
        group.permissions.add(*access_admin, *snippet_permissions)
        _grant_pages(group, locales[code])
        groups[name] = group

    coordinator = _role_group(Role.Kind.COORDINATOR, COORDINATOR)
    coordinator.permissions.add(*_coordinator_permissions())
    if settings.LANGUAGE_CODE in locales:
        _grant_source_delete(coordinator, locales[settings.LANGUAGE_CODE])
    groups[COORDINATOR] = coordinator
    return groups
