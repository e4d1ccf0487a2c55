"""The daily digest: one email a day at most, only when new drafts wait in the language."""

import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest
import time_machine

from devtools.builders import add_child_page, translate
from review.tasks import send_review_digests_task


@pytest.fixture
def mailboxes(users):
    for key in ("ar", "so", "uk"):
        users[key].email = f"{key}@example.invalid"
        users[key].save()
    return users


@pytest.fixture
def clock(tree):
    start = timezone.now().replace(hour=7) + datetime.timedelta(days=1)
    with time_machine.travel(start, tick=False) as traveller:
        yield traveller


def digest(*, task=False):
    mail.outbox.clear()
    if task:
        send_review_digests_task.enqueue()
    else:
        call_command("send_review_digests", stdout=io.StringIO())
    return {message.to[0]: message for message in mail.outbox}


def test_digest_goes_to_translators_of_languages_with_drafts(mailboxes, tree, clock):
    translate(tree["page"], "ar")
    clock.shift(datetime.timedelta(minutes=10))
    sent = digest()
    assert list(sent) == ["ar@example.invalid"]
    body = sent["ar@example.invalid"].body
    assert "1 nytt maskinutkast" in body
    assert "Strategin (ar)" in body
    assert "http://testserver/admin/pages/" in body


def test_at_most_one_digest_a_day(mailboxes, tree, clock):
    translate(tree["page"], "ar")
    clock.shift(datetime.timedelta(minutes=10))
    assert list(digest()) == ["ar@example.invalid"]

    clock.shift(datetime.timedelta(hours=2))
    translate(tree["home"], "ar")  # a new draft the same day
    clock.shift(datetime.timedelta(minutes=10))
    assert digest() == {}

    clock.shift(datetime.timedelta(days=1))
    sent = digest()
    assert list(sent) == ["ar@example.invalid"]
    assert "Nässjö i världen (ar)" in sent["ar@example.invalid"].body
    assert "Strategin" not in sent["ar@example.invalid"].body  # not new any more


def test_no_digest_without_new_drafts(mailboxes, tree, clock):
    translate(tree["page"], "ar")
    clock.shift(datetime.timedelta(minutes=10))
    digest()
    clock.shift(datetime.timedelta(days=1))
    assert digest() == {}


def test_digest_through_the_task(mailboxes, tree, clock):
    page = add_child_page(tree["home"], "Utbyten", "utbyten", intro="Unga reser.")
    translate(page, "so")
    clock.shift(datetime.timedelta(minutes=10))
    assert list(digest(task=True)) == ["so@example.invalid"]
