"""Absolute links come from the configured address, never from request headers (issue 19,
item 7): pages, the sitemap, robots.txt and the feeds are cached as public with no Vary on
scheme or host, so a request over another scheme or host name must not change a byte."""

import re

import pytest

from devtools import builders

BASE = "http://testserver"
HOSTILE = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": "localhost"}


@pytest.fixture
def site(home_pages, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.WAGTAILADMIN_BASE_URL = BASE
    index = builders.NewsIndexPageFactory(parent=home_pages["sv"], slug="nyheter")
    builders.NewsPageFactory(parent=index, title="Första nyheten")
    return home_pages


def absolute_links(text: str) -> list[str]:
    return re.findall(r"""(?:https?:)?//[^\s"'<>]+""", text)


@pytest.mark.parametrize(
    "path", ["/sv/", "/sitemap.xml", "/robots.txt", "/sv/nyheter/rss/", "/sv/nyheter/atom/"]
)
def test_links_ignore_forwarded_scheme_and_host(client, site, path):
    plain = client.get(path).content.decode()
    hostile = client.get(path, **HOSTILE).content.decode()
    ours = [link for link in absolute_links(hostile) if "testserver" in link or "localhost" in link]
    assert ours, f"{path} has no absolute link of its own"
    assert all(link.startswith(BASE + "/") for link in ours), ours
    assert plain == hostile
