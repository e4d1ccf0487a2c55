"""A status derived from dates, defined once for Python and for the database.

An opportunity is upcoming before it opens and closed after its deadline; a project is
planned before it starts and completed after it ends. Each is one ``DateStatus``: ordered
rules "this status when this date field is after (or before) now", and a default. The same
rules give the status of one object in Python, an annotation for ordering, and the filter
for one status, so the three can never disagree.

The same rules say when a status can change: only when now passes one of the dates.
``clock`` names where now stands among a set of objects' dates, so that a listing of them,
kept as a rendered part (``core.fragments``), is kept only while none of their statuses
can have changed.
"""

import datetime
import operator
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from django.db import models
from django.db.models import Case, Q, Value, When

_COMPARE = {"gt": operator.gt, "lt": operator.lt}
# How far before now a kept clock reads the dates: requests on another host, or begun a
# moment before the entry was computed, still find their moment inside it.
CLOCK_MARGIN = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class DateRule:
    status: str
    field: str
    lookup: str  # "gt": the field's date is after now; "lt": before now


@dataclass(frozen=True)
class DateStatus:
    rules: tuple[DateRule, ...]
    default: str

    def _q(self, rule: DateRule, now) -> Q:
        return Q(**{f"{rule.field}__{rule.lookup}": now})

    def of(self, obj, now) -> str:
        """The status of ``obj`` at ``now``; a missing date matches no rule."""
        for rule in self.rules:
            value = getattr(obj, rule.field)
            if value is not None and _COMPARE[rule.lookup](value, now):
                return rule.status
        return self.default

    def annotation(self, now) -> Case:
        return Case(
            *(When(self._q(rule, now), then=Value(rule.status)) for rule in self.rules),
            default=Value(self.default),
            output_field=models.CharField(),
        )

    def q(self, status: str, now) -> Q:
        """The filter for objects in ``status`` at ``now`` (the first matching rule wins)."""
        condition = Q()
        for rule in self.rules:
            if rule.status == status:
                return condition & self._q(rule, now)
            condition &= ~self._q(rule, now)
        if status != self.default:
            raise ValueError(f"Unknown status: {status!r}")
        return condition

    def dates(self, queryset, since=None, until=None) -> list[float]:
        """Every moment at which an object of ``queryset`` changes status, sorted, as numbers
        (cheap to keep and to read back: a thousand of them in well under a millisecond);
        with ``since`` and ``until``, only those between them (both included)."""
        fields = [rule.field for rule in self.rules]
        if since is not None:
            near = Q()
            for field in fields:
                near |= Q(**{f"{field}__range": (since, until)})
            queryset = queryset.filter(near)
        values = {
            value
            for row in queryset.values_list(*fields)
            for value in row
            if value and (since is None or since <= value <= until)
        }
        return sorted(_number(value) for value in values)

    def kept_clock(self, name: str, parts: tuple, objects, now) -> str:
        """``clock`` over the dates of ``objects()`` (a queryset), the dates kept for the
        content generation under ``name`` and ``parts`` (``core.content_cache``).

        Only the dates a kept entry can meet are read: from shortly before now until its
        lifetime (``TIMEOUT``) is over. Reading every date read every opportunity or project
        of the language, the first read after each change (10 ms at 100× the demo); the
        dates near now are an index range. Dates outside the window cannot lie between two
        moments that read the entry; a moment outside it gets a clock of its own."""
        from core.content_cache import TIMEOUT, cached

        if isinstance(now, datetime.datetime):
            lifetime = datetime.timedelta(seconds=TIMEOUT)
            since, until = now - CLOCK_MARGIN, now + lifetime + CLOCK_MARGIN
        else:
            # Days (a project's): yesterday to the day after tomorrow holds a day's lifetime.
            since, until = now - datetime.timedelta(days=1), now + datetime.timedelta(days=2)
        window = cached(
            name,
            parts,
            lambda: (_number(since), _number(until), self.dates(objects(), since, until)),
        )
        return self.window_clock(window, now)

    @classmethod
    def window_clock(cls, window: tuple[float, float, list[float]], now) -> str:
        """``clock`` over the dates of ``window`` (since, until, dates), named by its start."""
        since, until, dates = window
        moment = _number(now)
        if not since <= moment <= until:
            return f"at-{moment}"
        return f"{since:.0f}:{cls.clock(dates, now)}"

    @staticmethod
    def clock(dates: list[float], now) -> str:
        """The same text for two moments exactly when no date of ``dates`` lies between
        them, or on either (at a date itself, a "gt"/"lt" rule has not changed yet)."""
        now = _number(now)
        return f"{bisect_left(dates, now)}-{bisect_right(dates, now)}"


def _number(value) -> float:
    """A moment (seconds since the epoch) or a day (its ordinal), comparable within its kind."""
    if isinstance(value, datetime.datetime):
        return value.timestamp()
    return float(value.toordinal())
