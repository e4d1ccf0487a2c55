"""Guards on upstream behaviour that the project works around.

Each test here asserts that a gap or bug in wagtail-localize, Wagtail or the ``deepl`` client
is still there. The day upstream fixes or changes it, the test fails with a message naming
the module of ours to delete or adapt (as foundation.mozilla.org guards its alias
workaround).
"""

from wagtail.models import Locale, Page

import pytest

from devtools.deepl_server import LocalDeepLServer
from home.models import HomePage


@pytest.fixture(scope="module")
def deepl_server():
    server = LocalDeepLServer("127.0.0.1", 0).start()
    yield server
    server.stop()


@pytest.fixture
def sv_en(db):
    return tuple(Locale.objects.get_or_create(language_code=code)[0] for code in ("sv", "en"))


@pytest.fixture
def throwaway_page(sv_en):
    """A published Swedish page of its own under the root, as a factory."""

    def make(title: str, parent: Page | None = None) -> Page:
        parent = parent or Page.get_first_root_node()
        page = parent.add_child(
            instance=HomePage(
                title=title, slug=f"guard-{Page.objects.count()}", locale=sv_en[0], live=False
            )
        )
        page.save_revision().publish()
        return page

    return make
