"""An empty page tree with one published Swedish home page as the default site's root.

The browser tests are transactional: each starts from the migrated rows only, so each builds
the small site it looks at.
"""

from wagtail.models import Locale, Page, Site

from devtools.demo.home import ensure_locales
from home.models import HomePage


def fresh_swedish_home(title: str, **fields) -> HomePage:
    ensure_locales()
    sv = Locale.objects.get(language_code="sv")
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    home = root.add_child(instance=HomePage(title=title, slug="start", locale=sv, **fields))
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "N"},
    )
    return home
