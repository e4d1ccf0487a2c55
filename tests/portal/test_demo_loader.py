from django.core.management import call_command

from wagtail.models import Page

import pytest


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing(settings):
    settings.DEBUG = True
    call_command("load_demo", "--no-users")
    pages = list(Page.objects.values_list("id", "title", "latest_revision_id").order_by("id"))

    call_command("load_demo", "--no-users")

    assert (
        list(Page.objects.values_list("id", "title", "latest_revision_id").order_by("id")) == pages
    )
