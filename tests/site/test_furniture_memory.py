"""A worker keeps the furniture of the current generation in memory (core/content_cache.py):
one shared-cache read a request instead of one per piece, and never a stale page.

"Another worker" is played by what such a worker leaves in the shared cache: a new generation
token (its ``bump``) over content changed in the database.
"""

from django.core.cache import cache
from django.core.signals import request_finished, request_started

import pytest

from core import content_cache
from home.models import NavigationLink

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_reads(monkeypatch):
    """The keys read from the shared cache, in order."""
    keys = []
    get, get_many = cache.get, cache.get_many

    def counting_get(key, *args, **kwargs):
        keys.append(key)
        return get(key, *args, **kwargs)

    def counting_get_many(wanted, *args, **kwargs):
        keys.extend(wanted)
        return get_many(wanted, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting_get)
    monkeypatch.setattr(cache, "get_many", counting_get_many)
    return keys


def furniture_reads(keys) -> list[str]:
    return [key for key in keys if key.startswith("portal:furniture")]


def test_a_warm_request_reads_only_the_generation(client, tree, shared_reads):
    client.get("/sv/")
    first = furniture_reads(shared_reads)
    shared_reads.clear()

    client.get("/sv/")

    # The first request read the generation once and each piece of furniture.
    assert first.count(content_cache.GENERATION_KEY) == 1
    assert len(first) > 3
    # The second one only the generation: the pieces are in this worker's memory.
    assert furniture_reads(shared_reads) == [content_cache.GENERATION_KEY]


def test_another_workers_change_shows_at_the_next_request(client, tree):
    link = NavigationLink.objects.create(menu="main", page=tree["news"], label="Nyheter")
    assert ">Nyheter</a>" in client.get("/sv/").content.decode()

    # Another worker saves the link (no signal reaches this one) and starts a generation.
    NavigationLink.objects.filter(pk=link.pk).update(label="Aktuellt")
    cache.set(content_cache.GENERATION_KEY, "another-workers-generation", None)

    html = client.get("/sv/").content.decode()
    assert ">Aktuellt</a>" in html
    assert ">Nyheter</a>" not in html


def test_a_change_in_this_worker_shows_at_once(client, tree):
    link = NavigationLink.objects.create(menu="main", page=tree["news"], label="Nyheter")
    client.get("/sv/")

    link.label = "Aktuellt"
    link.save()

    assert ">Aktuellt</a>" in client.get("/sv/").content.decode()


def in_request(function):
    request_started.send(sender=None)
    try:
        return function()
    finally:
        request_finished.send(sender=None)


def test_every_caller_gets_its_own_copy(db):
    def compute():
        return ["a"]

    first = in_request(lambda: content_cache.cached("copy-test", (), compute))
    first.append("changed by a caller")

    assert in_request(lambda: content_cache.cached("copy-test", (), compute)) == ["a"]


def test_outside_a_request_every_read_goes_to_the_shared_cache(db):
    in_request(lambda: content_cache.cached("outside-test", (), lambda: "from memory"))
    key = f"portal:furniture:{content_cache.generation()}:outside-test"
    cache.set(key, ("from the shared cache",), None)

    assert content_cache.cached("outside-test", (), lambda: "computed") == "from the shared cache"
