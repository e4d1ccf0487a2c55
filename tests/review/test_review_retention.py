"""Reader reports' contact details are erased after the retention period."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Locale

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult

from review.models import ReaderReport
from review.tasks import erase_report_contacts_task


@pytest.fixture
def reports(tree):
    locale = Locale.objects.get(language_code="ar")
    made = {}
    for name, days_ago in (("old", 91), ("edge", 89), ("new", 1)):
        with time_machine.travel(timezone.now() - datetime.timedelta(days=days_ago)):
            made[name] = ReaderReport.objects.create(
                page=tree["page"], locale=locale, part="title", problem=name, contact=f"{name}@x.se"
            )
    return made


def contacts():
    return dict(ReaderReport.objects.values_list("problem", "contact"))


def test_command_erases_contacts_older_than_90_days(reports):
    out = io.StringIO()
    call_command("erase_report_contacts", stdout=out)
    assert "1 report" in out.getvalue()
    assert contacts() == {"old": "", "edge": "edge@x.se", "new": "new@x.se"}
    # The report itself stays.
    assert ReaderReport.objects.count() == 3


def test_retention_period_is_a_setting(reports, settings):
    settings.READER_REPORT_CONTACT_RETENTION_DAYS = 0
    call_command("erase_report_contacts", stdout=io.StringIO())
    assert set(contacts().values()) == {""}


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_task_erases_and_queues_its_next_run_once(reports, database_tasks):
    assert erase_report_contacts_task.call() == 1
    assert contacts()["old"] == ""
    waiting = DBTaskResult.objects.filter(task_path=erase_report_contacts_task.module_path)
    assert waiting.count() == 1
    assert waiting.get().run_after > timezone.now() + datetime.timedelta(hours=23)
    erase_report_contacts_task.call()
    call_command("erase_report_contacts", "--schedule", stdout=io.StringIO())
    assert waiting.count() == 1
    # Two days later the queued run erases what has expired by then.
    with time_machine.travel(timezone.now() + datetime.timedelta(days=2)):
        assert erase_report_contacts_task.call() == 1
    assert contacts()["edge"] == ""
