"""Figures kept for one language's content (core/content_cache.py ``cached_in_language``):
counted again after a change of that language's pages or of anything every language shows,
and kept across a publish in another language.

The strategy's newest pages per goal read the pages of the reader's language; the follow-up's
computed figures read the Swedish pages (tests/followup/test_kept_figures.py shows them on the
page). Both grow with the site, which is why they are not counted again after every publish.
"""

import io

from django.core.signals import request_finished, request_started

from wagtail.models import Locale

import pytest

from core import content_cache
from devtools import builders
from devtools.builders import publish_human_translation
from devtools.demo import home as demo_home
from home.models import HomePage
from international.models import strategy as strategy_module

pytestmark = pytest.mark.django_db


def test_a_languages_change_renews_its_generation_and_the_content_generation_only():
    sv, ar = content_cache.language_generation("sv"), content_cache.language_generation("ar")
    generation = content_cache.generation()

    content_cache.bump_language("ar")

    assert content_cache.language_generation("sv") == sv
    assert content_cache.language_generation("ar") != ar
    assert content_cache.generation() != generation


def test_any_other_change_renews_every_languages_generation():
    before = {code: content_cache.language_generation(code) for code in ("sv", "ar", "ti")}

    content_cache.bump()

    after = {code: content_cache.language_generation(code) for code in ("sv", "ar", "ti")}
    assert all(after[code] != before[code] for code in before)


def test_a_request_reads_a_languages_generation_once_and_sees_its_own_change():
    request_started.send(sender=None)
    try:
        first = content_cache.language_generation("sv")
        # Another worker's change is seen at the next request, not in the middle of this one.
        content_cache.cache.set(content_cache.LANGUAGE_KEY.format("sv"), "elsewhere", None)
        assert content_cache.language_generation("sv") == first
        # This request's own change is seen at once.
        content_cache.bump_language("sv")
        assert content_cache.language_generation("sv") != first
    finally:
        request_finished.send(sender=None)
    assert content_cache.language_generation("sv") != first


def test_a_kept_figure_is_counted_again_only_when_its_language_changes():
    counted = []

    def figure():
        counted.append(1)
        return len(counted)

    def read():
        return content_cache.cached_in_language("sv", "test-figure", ("x",), figure)

    assert read() == 1
    content_cache.bump_language("ar")
    assert read() == 1
    content_cache.bump_language("sv")
    assert read() == 2
    content_cache.bump()
    assert read() == 3
    assert read() == 3


def test_several_kept_figures_count_only_the_missing_ones_in_one_go():
    computed = []

    def count(keys):
        computed.append(sorted(keys))
        return {key: f"{key}-{len(computed)}" for key in keys}

    def read(versions):
        parts = {key: (key, version) for key, version in versions.items()}
        return content_cache.cached_many_in_language("sv", "test-many", parts, count)

    assert read({"a": 1, "b": 1}) == {"a": "a-1", "b": "b-1"}
    # One entry's own version moved: that one alone is counted again.
    assert read({"a": 1, "b": 2}) == {"a": "a-1", "b": "b-2"}
    content_cache.bump_language("ar")
    assert read({"a": 1, "b": 2}) == {"a": "a-1", "b": "b-2"}
    content_cache.bump_language("sv")
    assert read({"a": 1, "b": 2}) == {"a": "a-3", "b": "b-3"}
    assert computed == [["a", "b"], ["b"], ["a", "b"]]


@pytest.fixture
def arabic_strategy():
    """A Swedish strategy with a goal and a news item serving it, both in Arabic too."""
    demo_home.load(io.StringIO())
    home = HomePage.objects.get(locale__language_code="sv")
    arabic = Locale.objects.get(language_code="ar")
    goal = builders.GoalFactory(short_title="Förståelse mellan kulturer", slug="forstaelse")
    strategy = builders.StrategyPageFactory(parent=home, title="Strategi")
    news_index = builders.NewsIndexPageFactory(parent=home, title="Nyheter")
    for page, title in ((strategy, "الاستراتيجية"), (news_index, "الأخبار")):
        publish_human_translation(page, arabic, {page.title: title})
    return {"goal": goal, "strategy": strategy, "news": news_index, "arabic": arabic}


def publish_news(content, title: str, arabic_title: str, day: str):
    news = builders.NewsPageFactory(parent=content["news"], title=title, date=day)
    news.goals.set([content["goal"]])
    news.save_revision().publish()
    return publish_human_translation(news, content["arabic"], {title: arabic_title})


@pytest.fixture
def counted_links(monkeypatch):
    """The languages whose goal links were counted, in order."""
    calls = []
    count = strategy_module._linked_ids

    def counting(locale, limit):
        calls.append(locale.language_code)
        return count(locale, limit)

    monkeypatch.setattr(strategy_module, "_linked_ids", counting)
    return calls


def test_an_arabic_publish_shows_on_the_arabic_strategy_at_the_next_read(
    client, arabic_strategy, counted_links
):
    arabic_url = arabic_strategy["strategy"].get_translation(arabic_strategy["arabic"]).url
    publish_news(arabic_strategy, "Utbyte i Polen", "تبادل في بولندا", "2026-03-01")
    assert "تبادل في بولندا" in client.get(arabic_url).content.decode()

    publish_news(arabic_strategy, "Skolbesök i Kenya", "زيارة مدرسية في كينيا", "2026-04-01")

    html = client.get(arabic_url).content.decode()
    assert "زيارة مدرسية في كينيا" in html
    # Newest first.
    assert html.index("زيارة مدرسية في كينيا") < html.index("تبادل في بولندا")
    assert counted_links == ["ar", "ar"]


def test_a_swedish_publish_keeps_the_arabic_goal_links(client, arabic_strategy, counted_links):
    arabic_url = arabic_strategy["strategy"].get_translation(arabic_strategy["arabic"]).url
    publish_news(arabic_strategy, "Utbyte i Polen", "تبادل في بولندا", "2026-03-01")
    client.get(arabic_url)

    # A Swedish news item (not yet in Arabic) is published: the Arabic page is rendered
    # again (a new content generation), its goal links are not counted again.
    swedish = builders.NewsPageFactory(parent=arabic_strategy["news"], title="Bara på svenska")
    swedish.goals.set([arabic_strategy["goal"]])
    swedish.save_revision().publish()
    html = client.get(arabic_url).content.decode()

    assert "تبادل في بولندا" in html
    assert counted_links == ["ar"]
    # The Swedish strategy counts its own.
    assert "Bara på svenska" in client.get(arabic_strategy["strategy"].url).content.decode()
    assert counted_links == ["ar", "sv"]


def test_a_goal_saved_counts_every_languages_links_again(client, arabic_strategy, counted_links):
    arabic_url = arabic_strategy["strategy"].get_translation(arabic_strategy["arabic"]).url
    publish_news(arabic_strategy, "Utbyte i Polen", "تبادل في بولندا", "2026-03-01")
    client.get(arabic_url)

    arabic_strategy["goal"].save()
    client.get(arabic_url)

    assert counted_links == ["ar", "ar"]


@pytest.fixture
def counted_listings(monkeypatch):
    """How many times a listing counted and ordered its children."""
    from core import pages

    calls = []
    paginate = pages.paginate

    def counting(request, items, *args, **kwargs):
        calls.append(items.model.__name__)
        return paginate(request, items, *args, **kwargs)

    monkeypatch.setattr(pages, "paginate", counting)
    return calls


def test_a_listing_keeps_its_children_across_another_languages_publish(
    client, tree, counted_listings
):
    first = builders.NewsPageFactory(parent=tree["news"], title="Utbyte i Polen", date="2026-03-01")
    first.save_revision().publish()
    assert "Utbyte i Polen" in client.get(tree["news"].url).content.decode()

    # An Arabic change: the listing is rendered again, from the children it chose before,
    # read again by id (so a Swedish title changed since shows as it is now).
    content_cache.bump_language("ar")
    first.title = "Utbyte i Polen och Litauen"
    first.save(update_fields=["title"])
    html = client.get(tree["news"].url).content.decode()

    assert "Utbyte i Polen och Litauen" in html
    assert counted_listings == ["NewsPage"]


def test_a_publish_in_the_listings_language_shows_at_the_next_read(client, tree, counted_listings):
    builders.NewsPageFactory(parent=tree["news"], title="Utbyte i Polen", date="2026-03-01")
    client.get(tree["news"].url)

    newer = builders.NewsPageFactory(
        parent=tree["news"], title="Skolbesök i Kenya", date="2026-04-01"
    )
    newer.save_revision().publish()
    html = client.get(tree["news"].url).content.decode()

    assert html.index("Skolbesök i Kenya") < html.index("Utbyte i Polen")
    assert counted_listings == ["NewsPage", "NewsPage"]


def test_an_unpublished_child_leaves_the_kept_listing(client, tree):
    gone = builders.NewsPageFactory(parent=tree["news"], title="Inställt utbyte", date="2026-03-01")
    gone.save_revision().publish()
    assert "Inställt utbyte" in client.get(tree["news"].url).content.decode()

    gone.unpublish()

    assert "Inställt utbyte" not in client.get(tree["news"].url).content.decode()
