"""Demo accounts for local development only; their passwords are printed, never secret."""

from django.contrib.auth import get_user_model

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
