"""User builders: test users with a known password, and the demo's idempotent accounts.

``make_user`` is the tests' one-liner (a username, the groups by name, ``superuser=``);
``ensure_account`` is the demo loader's: the account is made once and never changed
afterwards, except that an account made without a password (the demo's content steps act as
the role users before the accounts step sets their passwords) gets the one it is given.
"""

from django.conf import settings
from django.contrib.auth.models import Group

import factory

TEST_PASSWORD = "pw"  # noqa: S105 - test users only


class UserFactory(factory.django.DjangoModelFactory):
    """A user; an existing one with the same username is returned unchanged."""

    username = factory.Sequence(lambda n: f"anvandare-{n}")
    email = ""
    password = factory.django.Password(TEST_PASSWORD)
    is_superuser = False
    is_staff = factory.LazyAttribute(lambda o: o.is_superuser)

    class Meta:
        model = settings.AUTH_USER_MODEL
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        """``groups=[...]``: ``Group`` objects or group names."""
        if create and extracted:
            user.groups.add(
                *(Group.objects.get(name=g) if isinstance(g, str) else g for g in extracted)
            )


def make_user(username: str, *groups: str, superuser: bool = False):
    """A user in the groups named, with the password ``TEST_PASSWORD``."""
    return UserFactory(username=username, is_superuser=superuser, groups=groups)


def ensure_account(
    username: str, *, password: str | None, groups=(), superuser: bool = False, email: str = ""
):
    """The account ``username``, made when missing (``password=None``: no usable password).

    An existing account keeps its fields and password; one without a usable password gets
    ``password``. ``groups`` are added either way.
    """
    user = UserFactory(
        username=username, email=email, password=password, is_superuser=superuser, groups=groups
    )
    if password is not None and not user.has_usable_password():
        user.set_password(password)
        user.save()
    return user
