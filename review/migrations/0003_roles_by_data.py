"""Roles as data: each role group gets a ``Role`` row, translator groups their locale.

Existing groups are linked by the names ``setup_roles`` gave them until now; from then on
their names are only labels.
"""

import django.db.models.deletion
from django.db import migrations, models

# The names setup_roles used before roles were data (Swedish language names).
TRANSLATOR_NAMES = {
    "Översättare engelska": "en",
    "Översättare arabiska": "ar",
    "Översättare persiska": "fa",
    "Översättare somaliska": "so",
    "Översättare tigrinska": "ti",
    "Översättare ukrainska": "uk",
    "Översättare polska": "pl",
    "Översättare finska": "fi",
}


def link_existing_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Locale = apps.get_model("wagtailcore", "Locale")
    Role = apps.get_model("review", "Role")
    for group in Group.objects.all():
        if group.name == "Kommunikatör":
            Role.objects.get_or_create(group=group, defaults={"kind": "communicator"})
        elif group.name == "Samordnare":
            Role.objects.get_or_create(group=group, defaults={"kind": "coordinator"})
        elif group.name in TRANSLATOR_NAMES:
            locale = Locale.objects.filter(language_code=TRANSLATOR_NAMES[group.name]).first()
            if locale is not None:
                Role.objects.get_or_create(
                    group=group, defaults={"kind": "translator", "locale": locale}
                )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("review", "0002_source_string_wording"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="Role",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("communicator", "Kommunikatör"),
                            ("translator", "Översättare"),
                            ("coordinator", "Samordnare"),
                        ],
                        max_length=20,
                        verbose_name="roll",
                    ),
                ),
                (
                    "group",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="review_role",
                        to="auth.group",
                        verbose_name="grupp",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        blank=True,
                        help_text="Översättarens språk (bara för översättare).",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="translator_roles",
                        to="wagtailcore.locale",
                        verbose_name="språk",
                    ),
                ),
            ],
            options={
                "verbose_name": "roll",
                "verbose_name_plural": "roller",
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("kind", "translator"), ("locale__isnull", False)),
                            models.Q(("kind", "translator"), _negated=True),
                            _connector="OR",
                        ),
                        name="review_role_translator_has_locale",
                    )
                ],
            },
        ),
        migrations.RunPython(link_existing_groups, migrations.RunPython.noop),
    ]
