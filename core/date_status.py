"""A status derived from dates, defined once for Python and for the database.

An opportunity is upcoming before it opens and closed after its deadline; a project is
planned before it starts and completed after it ends. Each is one ``DateStatus``: ordered
rules "this status when this date field is after (or before) now", and a default. The same
rules give the status of one object in Python, an annotation for ordering, and the filter
for one status, so the three can never disagree.
"""

import operator
from dataclasses import dataclass

from django.db import models
from django.db.models import Case, Q, Value, When

_COMPARE = {"gt": operator.gt, "lt": operator.lt}


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
