"""Production settings plus this app, for ``load_demo`` on a production-like stack.

The benchmarks and ``make serve-cached``/``topology``/``load-test`` measure production
settings but need the demo content; ``devtools`` adds only management commands (no models,
middleware, URLs or hooks), so what is served is what production serves.
"""

from portal.settings.production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405
