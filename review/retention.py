"""Contact details in reader reports are kept only as long as needed to answer.

A reader may leave an email address or a phone number with a report. After
``READER_REPORT_CONTACT_RETENTION_DAYS`` (default 90) it is erased; the report itself stays,
as it holds no personal data. Run by ``manage.py erase_report_contacts`` and by the daily
django-tasks task ``review.tasks.erase_report_contacts_task``, which queues its own next run.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from .models import ReaderReport


def erase_old_contacts(now=None) -> int:
    """Blank the contact of every report older than the retention period; returns how many."""
    days = getattr(settings, "READER_REPORT_CONTACT_RETENTION_DAYS", 90)
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    return ReaderReport.objects.filter(created_at__lt=cutoff).exclude(contact="").update(contact="")
