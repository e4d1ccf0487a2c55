"""Disclosure of machine text: the reader notice names the engine and the date, and the
coordinators' report lists live pages with unreviewed machine text (issue 21)."""

import datetime

from django.core.cache import cache
from django.template.defaultfilters import date as date_format
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

import pytest
import time_machine

from review.states import approve, review_state
from review.templatetags.review_tags import (
    NOTICE_TEXT_ENGINE,
    REVIEWED_TEXT_ENGINE,
    _notice_sentence,
)
from translation.models import LanguageSettings, MachineProvenance
from translation.provenance import Provenance

TRANSLATED_AT = datetime.datetime(2026, 12, 4, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()


@pytest.fixture
def later(tree):
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1), tick=True):
        yield


def publish_machine(page, language_code, engine="azure"):
    """A machine translation of ``page`` published unreviewed, its strings made by ``engine``."""
    from devtools.builders import translate

    LanguageSettings.objects.get_or_create(
        locale=Locale.objects.get(language_code=language_code),
        defaults={"allow_unreviewed_machine_text": True},
    )
    target = translate(page, language_code, publish=True)
    strings = StringTranslation.objects.filter(
        locale=target.locale, context__object_id=target.translation_key
    )
    assert strings.exists()
    for string in strings:
        MachineProvenance.objects.create(string_translation=string, engine=engine, model="m")
    MachineProvenance.objects.filter(string_translation__in=strings).update(
        translated_at=TRANSLATED_AT
    )
    return target


def test_notice_sentence_names_engine_and_date_in_swedish():
    with translation.override("sv"):
        sentence = _notice_sentence(Provenance("DeepL", datetime.date(2026, 12, 4)))
    assert sentence == (
        "Den här sidan är maskinöversatt (maskinöversättningstjänst: DeepL, 4 december 2026). "
        "Ingen person har granskat översättningen ännu."
    )


def test_reader_sees_engine_and_date_in_their_language(client, tree, later):
    target = publish_machine(tree["page"], "ar", engine="azure")
    html = client.get(target.url).content.decode()
    with translation.override("ar"):
        expected = translation.gettext(NOTICE_TEXT_ENGINE) % {
            "engine": "Azure AI Translator",
            "date": date_format(datetime.date(2026, 12, 4), "j F Y"),
        }
    assert expected != NOTICE_TEXT_ENGINE
    assert "ديسمبر" in expected  # the month in Arabic, by Django's date filter
    assert expected in html
    assert 'class="translation-notice" role="note" lang="ar" dir="rtl"' in html


def test_reviewed_page_has_no_engine_notice(client, users, tree, later):
    target = publish_machine(tree["page"], "ar")
    approve(review_state(tree["page"], target.locale), users["ar"])
    html = client.get(target.url).content.decode()
    assert "Azure AI Translator" not in html
    assert reverse("report_translation", args=[target.pk]) in html


def test_reviewed_page_says_machine_assisted_when_the_organisation_chooses(
    client, users, tree, later
):
    from wagtail.models import Site

    from organisation.models import OrganisationSettings

    target = publish_machine(tree["page"], "ar")
    approve(review_state(tree["page"], target.locale), users["ar"])
    with translation.override("ar"):
        expected = translation.gettext(REVIEWED_TEXT_ENGINE) % {"engine": "Azure AI Translator"}
    assert expected != REVIEWED_TEXT_ENGINE % {"engine": "Azure AI Translator"}
    settings = OrganisationSettings.objects.create(
        site=Site.objects.get(is_default_site=True), name="Exempels kommun"
    )
    assert expected not in client.get(target.url).content.decode()  # not chosen: no line

    settings.says_reviewed_machine_translation = True
    settings.save()
    html = client.get(target.url).content.decode()
    assert expected in html
    assert "لم يراجع" not in html and 'class="translation-notice"' not in html
    # A page translated by people only says nothing of machines.
    human = publish_machine(tree["page"], "fa")
    MachineProvenance.objects.filter(string_translation__locale=human.locale).delete()
    approve(review_state(tree["page"], human.locale), users["admin"])
    cache.clear()
    assert "%(engine)s" not in client.get(human.url).content.decode()
    with translation.override("fa"):
        reviewed_fa = translation.gettext(REVIEWED_TEXT_ENGINE).split("(")[0]
    assert reviewed_fa not in client.get(human.url).content.decode()


REPORT = "review_unreviewed_machine_text"


def test_report_is_for_coordinators_only(client, users, tree):
    # Wagtail's admin answers a refused view (PermissionDenied) with a redirect to the
    # dashboard and a message, as for the coverage report.
    client.force_login(users["ar"])
    response = client.get(reverse(REPORT))
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    client.force_login(users["samordnare"])
    response = client.get(reverse(REPORT))
    assert response.status_code == 200
    assert "Ogranskad maskintext på publicerade sidor" in response.content.decode()


def test_report_lists_unreviewed_live_machine_text_not_reviewed(client, users, tree, later):
    from devtools.builders import add_child_page

    other = add_child_page(tree["home"], "Ansök om bidrag", "bidrag", intro="Så ansöker du")
    unreviewed = publish_machine(tree["page"], "ar", engine="deepl")
    reviewed = publish_machine(other, "ar", engine="azure")
    approve(review_state(other, reviewed.locale), users["ar"])

    client.force_login(users["samordnare"])
    html = client.get(reverse(REPORT)).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[unreviewed.pk]) in html
    assert unreviewed.title in html
    assert "DeepL, 4 december 2026" in html
    assert reverse("wagtailadmin_pages:edit", args=[reviewed.pk]) not in html
