"""The organisation site setting: edited in the admin, used by the site, read from the cache."""

import copy
import json
import re

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import icalendar
import pytest

from devtools import builders
from organisation.models import OrganisationName, OrganisationSettings, SocialLink


@pytest.fixture
def organisation(home, locales):
    row = OrganisationSettings.objects.create(
        site=Site.objects.get(is_default_site=True),
        name="Exempels kommun",
        short_name="Exempel",
        postal_address="123 45 Exempelstad",
        phone="010-123 45 67",
        email="info@exempel.invalid",
        web_address="https://www.exempel.invalid/",
    )
    OrganisationName.objects.create(settings=row, locale=locales["en"], name="Example Municipality")
    SocialLink.objects.create(
        settings=row, label="Mastodon", url="https://social.exempel.invalid/@kommun"
    )
    return row


def header_name(html: str) -> str:
    return re.search(r'<p class="site-name"><a [^>]*>(.*?)</a>', html).group(1)


def test_the_site_is_named_after_the_organisation_in_the_readers_language(
    client, organisation, english_home
):
    swedish = client.get("/sv/").content.decode()
    assert header_name(swedish) == "Exempels kommun – internationellt arbete"
    assert "– Exempels kommun – internationellt arbete</title>" in swedish
    assert 'content="Internationellt arbete i Exempels kommun: strategi' in swedish
    assert 'href="https://social.exempel.invalid/@kommun">Mastodon</a>' in swedish
    # Without a footer snippet the footer gives the organisation's contact details.
    assert 'href="mailto:info@exempel.invalid"' in swedish
    assert '<address lang="sv" dir="ltr">123 45 Exempelstad</address>' in swedish

    english = client.get("/en/").content.decode()
    assert header_name(english).startswith("Example Municipality – ")
    assert "<p>Example Municipality</p>" in english  # the footer without contact details


def test_a_language_without_a_name_shows_the_source_name_marked_as_swedish(
    client, organisation, english_home
):
    OrganisationName.objects.all().delete()
    english = client.get("/en/").content.decode()
    assert header_name(english).startswith("Exempels kommun – ")
    assert '<p lang="sv" dir="ltr">Exempels kommun</p>' in english


def test_without_an_organisation_the_site_has_a_generic_title(client, home):
    html = client.get("/sv/").content.decode()
    assert header_name(html) == "Internationellt arbete"
    assert "kommun" not in html.split("</head>")[0]


def test_the_admin_edits_the_setting_and_the_site_shows_it_at_once(
    admin_client, client, organisation, locales
):
    site = organisation.site
    url = reverse("wagtailsettings:edit", args=["organisation", "organisationsettings", site.pk])
    form = admin_client.get(url)
    assert form.status_code == 200
    assert "Namn på andra språk" in form.content.decode()
    client.get("/sv/")  # cached now

    english_name = organisation.names.get()
    data = nested_form_data(
        {
            "name": "Nya kommunen",
            "short_name": "Nya",
            "postal_address": "543 21 Nyby",
            "phone": "010-765 43 21",
            "email": "info@nya.invalid",
            "web_address": "https://nya.invalid/",
            "names": inline_formset(
                [
                    {"id": english_name.pk, "locale": locales["en"].pk, "name": "New"},
                    {"locale": locales["ar"].pk, "name": "البلدية الجديدة"},
                ],
                initial=1,
            ),
            "social_links": inline_formset([], initial=0),
        }
    )
    # The existing social link is deleted by leaving it out of a formset with initial=0.
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    organisation.refresh_from_db()
    assert organisation.name == "Nya kommunen"
    assert set(organisation.names.values_list("locale__language_code", "name")) == {
        ("en", "New"),
        ("ar", "البلدية الجديدة"),
    }
    html = client.get("/sv/").content.decode()
    assert header_name(html) == "Nya kommunen – internationellt arbete"


def test_a_second_request_reads_the_organisation_from_the_cache(client, organisation):
    client.get("/sv/")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/sv/").content.decode()
    assert "Exempels kommun" in html
    assert not [q["sql"] for q in queries if "organisation_" in q["sql"]]

    OrganisationSettings.objects.filter(pk=organisation.pk).update(name="Ändrat namn")
    assert "Ändrat namn" not in client.get("/sv/").content.decode()  # still cached
    organisation.name = "Ändrat namn"
    organisation.save()  # a save clears the cache
    assert "Ändrat namn" in client.get("/sv/").content.decode()


def test_calendar_and_json_ld_name_the_organisation(client, tree, organisation):
    opportunity = builders.OpportunityPageFactory(parent=tree["opportunities"])

    html = client.get(opportunity.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["provider"] == {
        "@type": "GovernmentOrganization",
        "name": "Exempels kommun",
        "url": "https://www.exempel.invalid/",
    }

    calendar = icalendar.Calendar.from_ical(
        client.get(tree["opportunities"].url + "kalender/").content
    )
    assert str(calendar["PRODID"]) == "-//Exempel//Internationellt arbete//SV"
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"{opportunity.translation_key}-sv@exempel.invalid"


def test_without_an_organisation_feeds_and_json_ld_still_work(client, tree):
    opportunity = builders.OpportunityPageFactory(parent=tree["opportunities"])
    html = client.get(opportunity.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert "provider" not in data
    calendar = icalendar.Calendar.from_ical(
        client.get(tree["opportunities"].url + "kalender/").content
    )
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]).endswith("@testserver")


def test_accessibility_statement_gives_the_organisations_post_and_phone(client, tree, organisation):
    html = client.get(tree["accessibility"].url).content.decode()
    assert "Exempels kommun, 123 45 Exempelstad" in html
    assert 'href="tel:010-1234567"' in html  # the page has no phone of its own


@pytest.mark.django_db
def test_one_name_per_language(organisation, locales):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisationName.objects.create(
            settings=organisation, locale=Locale.objects.get(language_code="en"), name="Twice"
        )


def warm_query_count(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/sv/", "/sv/sok/?q=ungdom"])
def test_the_organisation_adds_no_query_to_a_warm_page(client, tree, organisation, settings, url):
    with_organisation = warm_query_count(client, url)
    templates = copy.deepcopy(settings.TEMPLATES)  # restored after the test
    processors = templates[0]["OPTIONS"]["context_processors"]
    templates[0]["OPTIONS"]["context_processors"] = [
        name for name in processors if not name.startswith("organisation.")
    ]
    settings.TEMPLATES = templates
    # A new configuration comes with a new release, which keeps its own rendered parts
    # (core.fragments); here the configuration changes within one process.
    cache.clear()
    assert "Exempels kommun" not in client.get(url).content.decode()  # switched off
    assert warm_query_count(client, url) == with_organisation
