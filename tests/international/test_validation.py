"""Editors' mistakes give a validation message in the admin, not a broken page."""

import datetime
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.urls import reverse
from django.utils import timezone

from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import querydict_from_html, rich_text

import pytest

from devtools import builders
from devtools.demo.images import draw_image
from international.models import NewsPage, OpportunityPage, ProjectPage


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.invalid", "pw")
    client.force_login(user)
    return client


def with_empty_streams(data, model):
    """StreamFields are drawn by JavaScript in the admin: post them as empty streams."""

    for field in model._meta.get_fields():
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", "0")
    return data


def add_form(admin_client, model, parent):
    url = reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )
    response = admin_client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    return url, with_empty_streams(data, model)


def edit_form(admin_client, page):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    return url, with_empty_streams(data, type(page))


def test_deadline_before_opening_date(admin_client, tree):
    url, data = add_form(admin_client, OpportunityPage, tree["opportunities"])
    data.update(
        {
            "title": "Utbyte med fel datum",
            "slug": "utbyte-med-fel-datum",
            "kind": "youth-exchange",
            "summary": "Ett utbyte.",
            "for_youth": "on",
            "eligibility": rich_text("<p>Unga.</p>"),
            "how_to_apply": rich_text("<p>Ansök.</p>"),
            "opens_at": "2027-03-10 08:00",
            "deadline": "2027-03-01 23:59",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sista ansökningsdag kan inte ligga före öppningsdatumet." in html
    assert not OpportunityPage.objects.filter(slug="utbyte-med-fel-datum").exists()


def test_news_image_without_alt_text(admin_client, tree):
    image = factories_image()
    page = builders.NewsPageFactory(parent=tree["news"], title="Nyhet med bild")
    url, data = edit_form(admin_client, page)
    data.update({"image": str(image.pk), "image_alt": ""})
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Skriv en alternativtext som beskriver bilden." in response.content.decode()
    page.refresh_from_db()
    assert page.image is None

    data.update({"image_alt": "Ungdomar på en trappa"})
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert NewsPage.objects.get(pk=page.pk).get_latest_revision_as_object().image == image


def test_external_funding_above_budget(admin_client, tree):
    page = builders.ProjectPageFactory(parent=tree["projects"], title="Projekt med fel budget")
    url, data = edit_form(admin_client, page)
    data.update({"total_budget": "100000", "external_funding": "250000"})
    response = admin_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Den externa finansieringen kan inte vara större än den totala budgeten." in html
    latest = ProjectPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert latest.external_funding == 600_000


@pytest.mark.django_db
def test_model_validation_without_the_admin():
    now = timezone.now()
    page = OpportunityPage(
        title="x",
        kind="conference",
        summary="x",
        eligibility="x",
        how_to_apply="x",
        opens_at=now,
        deadline=now - datetime.timedelta(days=1),
    )
    with pytest.raises(ValidationError) as excinfo:
        page.clean()
    assert "deadline" in excinfo.value.message_dict
    assert "for_youth" in excinfo.value.message_dict


def factories_image():
    image = get_image_model()(title="Testbild")
    image.file = ImageFile(BytesIO(draw_image("test", 40, 30)), name="test.png")
    image.save()
    return image


def test_examples_are_marked_in_the_admin(admin_client, tree):
    builders.ProjectPageFactory(parent=tree["projects"], title="Påhittat projekt", is_example=True)
    builders.ProjectPageFactory(parent=tree["projects"], title="Verkligt projekt")
    html = admin_client.get(
        reverse("wagtailadmin_explore", args=[tree["projects"].pk])
    ).content.decode()
    assert "Påhittat projekt (exempel)" in html
    assert "Verkligt projekt (exempel)" not in html
    builders.PartnerFactory(name="Påhittad partner", is_example=True)
    response = admin_client.get(reverse("wagtailsnippets_international_partner:list"))
    assert response.status_code == 200
    assert "Exempel" in response.content.decode()


@pytest.mark.parametrize(
    "model_name",
    [
        "international_partner",
        "international_programme",
        "international_topic",
        "international_goal",
        "home_navigationlink",
        "home_footercontent",
    ],
)
def test_snippet_forms_open_in_the_admin(admin_client, locales, model_name):
    response = admin_client.get(reverse(f"wagtailsnippets_{model_name}:add"))
    assert response.status_code == 200


def test_partner_ending_before_it_began_is_refused(admin_client, locales):
    url = reverse("wagtailsnippets_international_partner:add")
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="w-editor-form")
    data.update(
        {
            "name": "Vänort",
            "slug": "vanort",
            "country": "DK",
            "kind": "municipality",
            "active_since": "2020-01-01",
            "ended_on": "2019-01-01",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Samarbetet kan inte avslutas innan det har börjat." in response.content.decode()
