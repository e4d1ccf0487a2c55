"""Demo accounts for local development only; their passwords are printed, never secret."""

from django.conf import settings
from django.contrib.auth import get_user_model

from review.roles import COMMUNICATOR, COORDINATOR, setup_roles, translator_group_name

DEMO_SUPERUSER = ("admin", "admin-demo")


def ensure_superuser(stdout) -> None:
    username, password = DEMO_SUPERUSER
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=username,
        defaults={"is_superuser": True, "is_staff": True, "email": "admin@example.invalid"},
    )
    if created:
        user.set_password(password)
        user.save()
    stdout.write(f"  superuser: {username} / {password}")


def ensure_role_users(stdout) -> None:
    """One demo account per editorial role (see review.roles); passwords are printed."""

    groups = setup_roles()  # by role, whatever the groups are called now
    accounts = [("kommunikator", COMMUNICATOR), ("samordnare", COORDINATOR)]
    accounts += [
        (f"oversattare-{code}", translator_group_name(code))
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]
    user_model = get_user_model()
    for username, group_name in accounts:
        if group_name not in groups:
            continue  # a language without its locale has no translator group yet
        password = f"{username}-demo"
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.invalid"}
        )
        # The content phase may have made the account (without a password) for its steps.
        if created or not user.has_usable_password():
            user.set_password(password)
            user.save()
        group = groups[group_name]
        user.groups.add(group)
        stdout.write(f"  {group.name}: {username} / {password}")
