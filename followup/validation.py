"""The rules for one yearly figure, shared by the model and the admin form."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .datasets import WHOLE_UNITS, Unit

# Figures start with the strategy's predecessors; a year after next is always a typo.
FIRST_YEAR = 2000
LAST_YEAR_LIMIT = 2100


def last_year() -> int:
    return timezone.localdate().year + 1


def value_errors(year, value, unit) -> dict:
    """Field name -> message for what is wrong with one yearly figure."""
    errors = {}
    if year is not None and not FIRST_YEAR <= year <= last_year():
        errors["year"] = _("Året måste ligga mellan %(first)s och %(last)s.") % {
            "first": FIRST_YEAR,
            "last": last_year(),
        }
    if value is not None:
        if value < 0:
            errors["value"] = _("Värdet kan inte vara negativt.")
        elif unit in WHOLE_UNITS and value != value.to_integral_value():
            errors["value"] = _("Ett antal är ett heltal.")
        elif unit == Unit.PERCENT and value > 100:
            errors["value"] = _("En andel kan inte vara större än 100 procent.")
    return errors
