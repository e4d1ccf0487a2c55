"""Billed characters per locale and month, and the monthly character budget.

Every DeepL request's billed characters are recorded (``record``). Before a request is
sent, ``ensure_budget`` refuses it when it would take the month past
``DEEPL_MONTHLY_CHARACTER_BUDGET`` (0: no budget of our own, DeepL's quota still applies),
raising ``translation.deepl.errors.BudgetExhausted``.
"""

import datetime

from django.conf import settings
from django.db.models import F, Sum
from django.utils import timezone

from .deepl.errors import BudgetExhausted
from .models import UsageRecord

__all__ = ["BudgetExhausted", "ensure_budget", "record", "remaining_budget", "usage_by_locale"]


def month_start(moment: datetime.datetime | None = None) -> datetime.date:
    moment = timezone.localtime(moment or timezone.now())
    return moment.date().replace(day=1)


def next_month_start(moment: datetime.datetime | None = None) -> datetime.datetime:
    first = month_start(moment)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return timezone.make_aware(datetime.datetime.combine(following, datetime.time()))


def record(locale, characters: int, requests: int = 1) -> None:
    month = month_start()
    updated = UsageRecord.objects.filter(locale=locale, month=month).update(
        characters=F("characters") + characters, requests=F("requests") + requests
    )
    if not updated:
        record_obj, created = UsageRecord.objects.get_or_create(
            locale=locale, month=month, defaults={"characters": characters, "requests": requests}
        )
        if not created:
            UsageRecord.objects.filter(pk=record_obj.pk).update(
                characters=F("characters") + characters, requests=F("requests") + requests
            )


def used_this_month() -> int:
    total = UsageRecord.objects.filter(month=month_start()).aggregate(total=Sum("characters"))
    return total["total"] or 0


def monthly_budget() -> int:
    return int(getattr(settings, "DEEPL_MONTHLY_CHARACTER_BUDGET", 0) or 0)


def remaining_budget() -> int | None:
    """Characters left this month, or None without a budget."""
    budget = monthly_budget()
    if not budget:
        return None
    return max(budget - used_this_month(), 0)


def ensure_budget(characters: int) -> None:
    remaining = remaining_budget()
    if remaining is not None and characters > remaining:
        raise BudgetExhausted(
            f"{characters} characters needed, {remaining} left of {monthly_budget()} this month"
        )


def usage_by_locale(months: int = 6) -> list[UsageRecord]:
    first = month_start()
    for _ in range(months - 1):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return list(
        UsageRecord.objects.filter(month__gte=first)
        .select_related("locale")
        .order_by("-month", "locale__language_code")
    )
