"""The fixed choices of the domain: kinds, target groups and the date-derived statuses.

Below the models, so that the models, the filter forms and the queries all read them from
here. The statuses are derived from dates and never stored (``core.date_status``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.date_status import DateRule, DateStatus


class OpportunityKind(models.TextChoices):
    YOUTH_EXCHANGE = "youth-exchange", _("Ungdomsutbyte")
    SCHOOL = "school-cooperation", _("Skolsamarbete")
    STAFF = "staff-mobility", _("Personalrörlighet")
    FUNDING = "funding-call", _("Utlysning av medel")
    CONFERENCE = "conference", _("Konferens eller nätverk")


class OpportunityStatus(models.TextChoices):
    OPEN = "open", _("Öppen")
    UPCOMING = "upcoming", _("Kommande")
    CLOSED = "closed", _("Stängd")


# Upcoming before it opens, closed after the deadline, open in between (at a point in time).
OPPORTUNITY_STATUS = DateStatus(
    rules=(
        DateRule(OpportunityStatus.UPCOMING, "opens_at", "gt"),
        DateRule(OpportunityStatus.CLOSED, "deadline", "lt"),
    ),
    default=OpportunityStatus.OPEN,
)

# Target group -> (model field, label). Young people also carry an age range.
TARGET_GROUPS = {
    "youth": ("for_youth", _("Unga")),
    "schools": ("for_schools", _("Skolor")),
    "staff": ("for_staff", _("Personal")),
    "companies": ("for_companies", _("Företag")),
    "associations": ("for_associations", _("Föreningar")),
}


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planerat")
    ONGOING = "ongoing", _("Pågår")
    COMPLETED = "completed", _("Avslutat")


# Planned before it starts, completed after it ends, ongoing in between (on a day).
PROJECT_STATUS = DateStatus(
    rules=(
        DateRule(ProjectStatus.PLANNED, "starts_on", "gt"),
        DateRule(ProjectStatus.COMPLETED, "ends_on", "lt"),
    ),
    default=ProjectStatus.ONGOING,
)
