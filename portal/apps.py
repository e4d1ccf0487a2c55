from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        # The frontend cache (Varnish) is purged on publish; it knows the listing page types,
        # so it lives on the top floor (the shared content cache is core's).
        from django.core import checks

        from . import base_url_check, purge, shared_cache

        purge.connect()
        checks.register(shared_cache.check_shared_cache, checks.Tags.caches, deploy=True)
        checks.register(base_url_check.check_base_url, checks.Tags.urls, deploy=True)
