from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = "Drift"

    def ready(self):
        # The HTTP cache (Varnish, a CDN) is purged after every change readers see; the
        # deploy checks ask for a shared cache and a base URL in production.
        from django.core import checks

        from . import base_url_check, purge, shared_cache

        purge.connect()
        checks.register(shared_cache.check_shared_cache, checks.Tags.caches, deploy=True)
        checks.register(base_url_check.check_base_url, checks.Tags.urls, deploy=True)
