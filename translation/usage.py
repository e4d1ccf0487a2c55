"""Billed characters per engine, locale and month, and each engine's monthly budget.

Every request's billed characters are recorded (``record``) under its engine ("deepl",
"azure"). Before a request is sent, ``ensure_budget`` refuses it when it would take the
engine's month past its budget, ``DEEPL_MONTHLY_CHARACTER_BUDGET`` or
``AZURE_TRANSLATOR_MONTHLY_CHARACTER_BUDGET`` (0: no budget of our own, the provider's
quota still applies), raising ``translation.deepl.errors.BudgetExhausted``.

A language may also have a monthly budget of its own (``LanguageSettings.monthly_character_budget``,
billed characters of every engine for that language): ``ensure_language_budget`` refuses a
request that would pass it with ``LanguageBudgetExhausted``, which pauses that language only.
"""

import datetime

from django.conf import settings
from django.db.models import F, Sum
from django.utils import timezone

from .deepl.errors import BudgetExhausted, LanguageBudgetExhausted
from .language_settings import LanguageSettings
from .models import UsageRecord

__all__ = [
    "BudgetExhausted",
    "LanguageBudgetExhausted",
    "ensure_budget",
    "ensure_language_budget",
    "record",
    "remaining_budget",
    "usage_by_locale",
]


def month_start(moment: datetime.datetime | None = None) -> datetime.date:
    moment = timezone.localtime(moment or timezone.now())
    return moment.date().replace(day=1)


def next_month_start(moment: datetime.datetime | None = None) -> datetime.datetime:
    first = month_start(moment)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return timezone.make_aware(datetime.datetime.combine(following, datetime.time()))


BUDGET_SETTINGS = {
    "deepl": "DEEPL_MONTHLY_CHARACTER_BUDGET",
    "azure": "AZURE_TRANSLATOR_MONTHLY_CHARACTER_BUDGET",
}


def record(locale, characters: int, requests: int = 1, engine: str = "deepl") -> None:
    month = month_start()
    updated = UsageRecord.objects.filter(engine=engine, locale=locale, month=month).update(
        characters=F("characters") + characters, requests=F("requests") + requests
    )
    if not updated:
        record_obj, created = UsageRecord.objects.get_or_create(
            engine=engine,
            locale=locale,
            month=month,
            defaults={"characters": characters, "requests": requests},
        )
        if not created:
            UsageRecord.objects.filter(pk=record_obj.pk).update(
                characters=F("characters") + characters, requests=F("requests") + requests
            )


def used_this_month(engine: str = "deepl") -> int:
    rows = UsageRecord.objects.filter(month=month_start(), engine=engine)
    return rows.aggregate(total=Sum("characters"))["total"] or 0


def monthly_budget(engine: str = "deepl") -> int:
    return int(getattr(settings, BUDGET_SETTINGS[engine], 0) or 0)


def remaining_budget(engine: str = "deepl") -> int | None:
    """Characters left this month for ``engine``, or None without a budget."""
    budget = monthly_budget(engine)
    if not budget:
        return None
    return max(budget - used_this_month(engine), 0)


def ensure_budget(characters: int, engine: str = "deepl") -> None:
    remaining = remaining_budget(engine)
    if remaining is not None and characters > remaining:
        raise BudgetExhausted(
            f"{characters} characters needed, {remaining} left of "
            f"{monthly_budget(engine)} this month ({engine})"
        )


def language_budget(locale) -> int | None:
    """The language's own monthly budget in billed characters (None: none)."""
    policy = LanguageSettings.objects.filter(locale=locale).only("monthly_character_budget").first()
    return policy.monthly_character_budget if policy else None


def used_by_language_this_month(locale) -> int:
    rows = UsageRecord.objects.filter(month=month_start(), locale=locale)
    return rows.aggregate(total=Sum("characters"))["total"] or 0


def remaining_language_budget(locale) -> int | None:
    """Characters left this month for ``locale`` (all engines), or None without a budget."""
    budget = language_budget(locale)
    if budget is None:
        return None
    return max(budget - used_by_language_this_month(locale), 0)


def ensure_language_budget(locale, characters: int) -> None:
    """Refuse a request of ``characters`` billed characters that would pass the language's
    budget (``translation.billing`` counts them as the engine will)."""
    remaining = remaining_language_budget(locale)
    if remaining is not None and characters > remaining:
        raise LanguageBudgetExhausted(
            f"{characters} characters needed, {remaining} left of "
            f"{language_budget(locale)} this month ({locale.language_code})"
        )


def engines_out_of_budget() -> list[str]:
    """The engines whose monthly budget is spent (their languages wait for next month)."""
    return [engine for engine in BUDGET_SETTINGS if remaining_budget(engine) == 0]


def per_engine_this_month() -> list[dict]:
    """For the usage page: per engine, characters used this month, budget and what is left."""
    return [
        {
            "engine": engine,
            "used": used_this_month(engine),
            "budget": monthly_budget(engine),
            "remaining": remaining_budget(engine),
        }
        for engine in BUDGET_SETTINGS
    ]


def usage_by_locale(months: int = 6) -> list[UsageRecord]:
    first = month_start()
    for _ in range(months - 1):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return list(
        UsageRecord.objects.filter(month__gte=first)
        .select_related("locale")
        .order_by("-month", "engine", "locale__language_code")
    )
