"""Delete a site's cached organisation whenever its setting or one of its rows changes.

At once and again on commit: the settings form saves the setting before its rows, and a
request between the two must not keep a half-saved organisation in the cache.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .lookup import invalidate
from .models import OrganisationName, OrganisationSettings, SocialLink


def _invalidate_now_and_on_commit(site_id: int | None) -> None:
    if site_id is None:
        return
    invalidate(site_id)
    transaction.on_commit(lambda: invalidate(site_id))


@receiver([post_save, post_delete], sender=OrganisationSettings)
def _settings_changed(sender, instance, **kwargs):
    _invalidate_now_and_on_commit(instance.site_id)


@receiver([post_save, post_delete], sender=OrganisationName)
@receiver([post_save, post_delete], sender=SocialLink)
def _row_changed(sender, instance, **kwargs):
    site_id = (
        OrganisationSettings.objects.filter(pk=instance.settings_id)
        .values_list("site_id", flat=True)
        .first()
    )
    _invalidate_now_and_on_commit(site_id)
