from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The Django project: settings, URLs, WSGI, and the admin's Swedish where upstream lacks it."""

    name = "portal"
    verbose_name = "Portal"
