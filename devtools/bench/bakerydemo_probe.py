"""Run by bakerydemo's own interpreter, in bakerydemo's directory, for ``make bench-site
BAKERYDEMO=DIR``: prints as JSON, for each bakerydemo page compared with a portal page type,
its path and its SQL queries on a second request (the shared cache warm), measured as the
portal's own pages are (Django's test client).

Imports nothing of the portal: it runs inside bakerydemo's virtualenv and settings.
"""

import json
import os
import sys

# Which bakerydemo page stands for which portal page type: the first live page of the model
# in tree order (``None`` for a fixed path).
PAIRS = {
    "home": (None, "/"),
    "news index": ("blog.BlogIndexPage", None),
    "news item": ("blog.BlogPage", None),
    "opportunity": ("breads.BreadPage", None),
    "project": ("locations.LocationPage", None),
    "search": (None, "/search/?q=bread"),
    "sitemap": (None, "/sitemap.xml"),
}


def page_path(label: str) -> str | None:
    from django.apps import apps

    page = apps.get_model(label).objects.live().order_by("path").first()
    return page.get_url_parts()[2] if page else None


def measure(path: str) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.get(path, secure=True)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, secure=True)
    return {"path": path, "status": response.status_code, "queries": len(queries)}


def main() -> None:
    sys.path.insert(0, os.getcwd())
    import django

    django.setup()
    results = {}
    for name, (label, fixed) in PAIRS.items():
        path = fixed or page_path(label)
        results[name] = measure(path) if path else {"path": None, "status": 0, "queries": None}
    print(json.dumps(results))


if __name__ == "__main__":
    main()
