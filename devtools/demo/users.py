"""Demo accounts for local development only; their passwords are printed, never secret.

Made by the builders' ``ensure_account`` (``devtools/builders/users.py``), as the content
steps' password-less role accounts are (``devtools/demo/states.py``).
"""

from django.conf import settings

from devtools.builders import ensure_account
from review.roles import COMMUNICATOR, COORDINATOR, setup_roles, translator_group_name

DEMO_SUPERUSER = ("admin", "admin-demo")


def demo_email(username: str) -> str:
    return f"{username}@example.invalid"


def ensure_superuser(stdout) -> None:
    username, password = DEMO_SUPERUSER
    ensure_account(username, password=password, superuser=True, email=demo_email(username))
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
    for username, group_name in accounts:
        if group_name not in groups:
            continue  # a language without its locale has no translator group yet
        password = f"{username}-demo"
        # The content phase may have made the account (without a password) for its steps.
        group = groups[group_name]
        ensure_account(username, password=password, groups=[group], email=demo_email(username))
        stdout.write(f"  {group.name}: {username} / {password}")
