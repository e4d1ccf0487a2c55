from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        # The frontend cache (Varnish) is purged on publish; it knows the listing page types,
        # so it lives on the top floor (the shared content cache is core's).
        from . import purge

        purge.connect()
