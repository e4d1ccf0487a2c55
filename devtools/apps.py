from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Only for ``load_demo`` and ``translate_catalogs``: no models, no signals."""

    name = "devtools"
    verbose_name = "Developers' tools"
