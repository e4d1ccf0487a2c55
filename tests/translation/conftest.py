"""The local DeepL and Azure servers on ephemeral loopback ports, and pages to translate.

The real ``deepl.DeepLClient`` talks to the DeepL server over HTTP; tests point the portal
at it through ``DEEPL_SERVER_URL`` with a fake key. The real ``azure-ai-translation-text``
client talks to the Azure server (``azure`` fixture, ``AZURE_TRANSLATOR_ENDPOINT``).
"""

from django.core.cache import cache

from wagtail.models import Page

import pytest

from devtools import builders
from devtools.azure_server import LocalAzureServer
from devtools.deepl_server import LocalDeepLServer


@pytest.fixture(scope="session")
def deepl_server():
    server = LocalDeepLServer("127.0.0.1", 0).start()
    yield server
    server.stop()


@pytest.fixture
def deepl(deepl_server, settings):
    """The local server, reset, with machine translation and automatic drafts switched on."""
    deepl_server.wait_idle()
    deepl_server.reset(character_limit=1_000_000_000)
    settings.DEEPL_AUTH_KEY = "test-key"
    settings.DEEPL_SERVER_URL = deepl_server.url
    settings.TRANSLATION_AUTO_DRAFTS = True
    cache.clear()
    yield deepl_server
    cache.clear()


@pytest.fixture(scope="session")
def azure_server():
    server = LocalAzureServer("127.0.0.1", 0).start()
    yield server
    server.stop()


@pytest.fixture
def azure(azure_server, deepl, settings):
    """The local Azure server, reset and configured (beside DeepL), as a container: no key."""
    azure_server.wait_idle()
    azure_server.reset()
    settings.AZURE_TRANSLATOR_ENDPOINT = azure_server.url
    settings.AZURE_TRANSLATOR_KEY = ""
    cache.clear()
    yield azure_server
    cache.clear()


@pytest.fixture
def make_page(locales, django_capture_on_commit_callbacks):
    """Create and publish a Swedish HomePage under the root; the publish runs the job."""

    def make(title="Internationellt arbete", body="", intro="", slug=None, publish=True):
        page = builders.HomePageFactory(
            parent=Page.get_first_root_node(),
            title=title,
            slug=slug or f"sida-{Page.objects.count()}",
            locale=locales["sv"],
            intro=intro,
            body=body,
            live=False,
        )
        if publish:
            with django_capture_on_commit_callbacks(execute=True):
                page.save_revision().publish()
            page.refresh_from_db()
        return page

    return make


@pytest.fixture
def republish(django_capture_on_commit_callbacks):
    def republish(page, **changes):
        page = page.specific.__class__.objects.get(pk=page.pk)
        for name, value in changes.items():
            setattr(page, name, value)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return republish
