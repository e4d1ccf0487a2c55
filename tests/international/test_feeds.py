"""The news feeds parse as RSS and Atom per language; the deadlines parse as iCalendar."""

import datetime

from django.utils import timezone

import feedparser
import icalendar
import pytest

from devtools import builders


@pytest.fixture
def news(tree, locales, english_home):
    topic = builders.TopicFactory(name="Unga")
    for title in ("Första nyheten", "Andra nyheten"):
        builders.NewsPageFactory(parent=tree["news"], title=title, topics=[topic])
    draft = builders.NewsPageFactory(parent=tree["news"], title="Utkast")
    draft.unpublish()
    index_en = tree["news"].copy_for_translation(locales["en"])
    index_en.save_revision().publish()
    builders.NewsPageFactory(parent=index_en, title="English news", locale=locales["en"])
    return {"sv": tree["news"], "en": index_en}


@pytest.mark.parametrize(("route", "version"), [("rss/", "rss20"), ("atom/", "atom10")])
def test_news_feed_parses_and_holds_published_news_of_its_language(client, news, route, version):
    response = client.get(news["sv"].url + route)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Andra nyheten", "Första nyheten"]
    assert feed.entries[0].link.startswith("http://testserver/sv/nyheter/")
    assert feed.entries[0].tags[0].term == "Unga"
    assert feed.feed.language == "sv"


def test_english_feed_has_only_english_news(client, news):
    feed = feedparser.parse(client.get(news["en"].url + "rss/").content)
    assert [entry.title for entry in feed.entries] == ["English news"]
    assert feed.feed.language == "en"


def test_listing_advertises_its_feeds(client, news):
    html = client.get(news["sv"].url).content.decode()
    assert (
        f'type="application/atom+xml" title="Nyheter (Atom)" href="{news["sv"].url}atom/"' in html
    )


def test_deadline_calendar_parses(client, tree):
    deadline = timezone.make_aware(datetime.datetime(2030, 3, 15, 23, 59))
    opens = timezone.make_aware(datetime.datetime(2030, 1, 10, 8, 0))
    page = builders.OpportunityPageFactory(
        parent=tree["opportunities"], title="Utbyte i Italien", opens_at=opens, deadline=deadline
    )
    response = client.get(tree["opportunities"].url + "kalender/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert "Utbyte i Italien" in str(event["SUMMARY"])
    assert event.decoded("DTSTART") == deadline
    assert str(event["URL"]) == "http://testserver" + page.url


def test_deadline_calendar_holds_the_next_deadlines_from_today(client, tree, monkeypatch):
    """Passed deadlines are left out and only the nearest CALENDAR_LENGTH come in, in
    deadline order: the file costs the same whatever the site keeps (issue 24)."""
    from international import feeds

    monkeypatch.setattr(feeds, "CALENDAR_LENGTH", 2)
    now = timezone.now()
    for title, days in (
        ("Passerad", -3),
        ("Om en vecka", 7),
        ("Om två dagar", 2),
        ("Om en månad", 30),
    ):
        builders.OpportunityPageFactory(
            parent=tree["opportunities"],
            title=title,
            opens_at=now - datetime.timedelta(days=60),
            deadline=now + datetime.timedelta(days=days),
        )
    response = client.get(tree["opportunities"].url + "kalender/")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(event["SUMMARY"]).split(": ", 1)[1] for event in events] == [
        "Om två dagar",
        "Om en vecka",
    ]


def test_deadline_calendar_drops_a_deadline_on_the_day_after_it_passed(client, tree, time_machine):
    """The kept file is the day's: on a new day, with no publish between, yesterday's
    deadline is gone."""
    today = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    time_machine.move_to(today, tick=False)
    builders.OpportunityPageFactory(
        parent=tree["opportunities"],
        title="Sista dagen i dag",
        opens_at=today - datetime.timedelta(days=30),
        deadline=today + datetime.timedelta(hours=8),
    )
    url = tree["opportunities"].url + "kalender/"
    assert len(icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")) == 1
    time_machine.move_to(today + datetime.timedelta(hours=12), tick=False)
    assert len(icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")) == 1
    time_machine.move_to(today + datetime.timedelta(days=1), tick=False)
    assert icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT") == []
