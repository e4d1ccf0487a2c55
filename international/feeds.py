"""Feeds: RSS and Atom of each language's published news, and an iCalendar of deadlines.

Below the page models: each feed is given its index page and lists what the index's own
listing lists (``listing_queryset``), so this module imports no model.
"""

import datetime
import hashlib

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from icalendar import Calendar, Event

from core.absolute_urls import absolute, current
from core.content_cache import cached
from organisation.lookup import for_request as organisation_for_request

FEED_LENGTH = 20
# Deadlines in the calendar: the nearest still to come. A subscribed calendar shows what a
# reader can still apply for; as deadlines pass, later ones come in. Bounded, so the file
# costs the same to build whatever the number of opportunities the site has kept (issue 24).
CALENDAR_LENGTH = 20


def absolute_url(request, page) -> str:
    """The page's address on the site's configured address (``core/absolute_urls.py``),
    for links that leave the site."""
    return absolute(page.get_url(request))


class NewsRssFeed(Feed):
    """The latest published news of one news index, that is of one language."""

    def get_object(self, request, index):
        self.request = request
        self.language = index.locale.language_code
        return index

    def title(self, index):
        return index.title

    def link(self, index):
        return absolute_url(self.request, index)

    def description(self, index):
        return index.intro or index.title

    def feed_url(self, index):
        return current(self.request)

    def items(self, index):
        items = list(index.listing_queryset()[:FEED_LENGTH])
        index.prepare_items(items)
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return absolute_url(self.request, item)

    def item_pubdate(self, item):
        # The news date at noon in Stockholm: a stable time that sorts like the listing.
        noon = datetime.datetime.combine(item.date, datetime.time(12))
        return timezone.make_aware(noon)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [topic.name for topic in item.localized_topics]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)


def deadlines_calendar(request, index) -> HttpResponse:
    """An iCalendar file with an event for each of the next ``CALENDAR_LENGTH`` opportunity
    deadlines under ``index``, from today on.

    Built once per content generation and day (``core.content_cache``: any publish,
    unpublish, move or delete starts a new one; a new day drops the deadlines that passed)
    and kept in the shared cache. What else the bytes depend on is in the key: the language,
    the organisation's names and the host. The events are in the order of their deadlines.
    """
    language = index.locale.language_code
    # The product id and the events' ids stay the same in every language and on every host.
    organisation = organisation_for_request(request, settings.LANGUAGE_CODE)
    producer = organisation.short_name if organisation else "Wagtail"
    uid_domain = (organisation.web_host if organisation else "") or request.get_host()
    # Names and hosts hashed: a cache key of letters and digits on any cache backend.
    named = hashlib.sha256(f"{producer}|{uid_domain}|{request.get_host()}".encode()).hexdigest()
    today = timezone.localdate()
    parts = (index.pk, get_language(), named[:24], today.isoformat())
    body = cached(
        "deadlines-ics",
        parts,
        lambda: _calendar(request, index, language, producer, uid_domain, today),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="deadlines.ics"'
    return response


def _calendar(request, index, language: str, producer: str, uid_domain: str, today) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//{producer}//Internationellt arbete//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Sista ansökningsdagar: %(title)s") % {"title": index.title})
    calendar.add("x-wr-timezone", "Europe/Stockholm")
    now = timezone.now()
    # From the start of the day in Stockholm: the file is kept for the whole day.
    since = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    coming = index.listing_queryset().filter(deadline__gte=since).order_by("deadline", "path")
    for opportunity in coming[:CALENDAR_LENGTH]:
        event = Event()
        event.add("uid", f"{opportunity.translation_key}-{language}@{uid_domain}")
        event.add("summary", _("Sista ansökningsdag: %(title)s") % {"title": opportunity.title})
        event.add("description", opportunity.summary)
        event.add("dtstart", opportunity.deadline)
        event.add("dtend", opportunity.deadline)
        event.add("dtstamp", opportunity.last_published_at or now)
        event.add("url", absolute_url(request, opportunity))
        calendar.add_component(event)
    return calendar.to_ical()
