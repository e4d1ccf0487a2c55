"""Every page type renders its content through the public URL."""

import datetime
import json
import re

from django.test import Client
from django.utils import timezone

import pytest

from devtools import builders
from home.models import FooterContent, NavigationLink


@pytest.fixture
def content(tree):
    partner = builders.PartnerFactory(name="Brønderslev Kommune", slug="bronderslev")
    topic = builders.TopicFactory(name="Unga", slug="unga")
    goal = builders.GoalFactory(short_title="Förståelse mellan kulturer", slug="forstaelse")
    programme = builders.ProgrammeFactory(name="Erasmus+", slug="erasmus-plus")
    news = builders.NewsPageFactory(
        parent=tree["news"], title="Utbyte i Polen", partners=[partner], topics=[topic]
    )
    news.goals.set([goal])
    news.save()
    opportunity = builders.OpportunityPageFactory(
        parent=tree["opportunities"], title="Ungdomsutbyte i Italien", programme=programme
    )
    project = builders.ProjectPageFactory(
        parent=tree["projects"], title="Unga röster", programme=programme, partners=[partner]
    )
    area = builders.StrategyAreaPageFactory(parent=tree["strategy"], title="Extern finansiering")
    return {
        **tree,
        "news_page": news,
        "opportunity_page": opportunity,
        "project_page": project,
        "area": area,
        "partner": partner,
        "goal": goal,
    }


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("home", "Strategins mål i korthet"),
        ("strategy", "Antagen av Kommunfullmäktige"),
        ("area", "Extern finansiering"),
        ("news", "Utbyte i Polen"),
        ("news_page", "Brønderslev Kommune"),
        ("opportunities", "Ungdomsutbyte i Italien"),
        ("opportunity_page", "Sista ansökningsdag"),
        ("projects", "Unga röster"),
        ("project_page", "Egen insats"),
        ("partners", "Brønderslev Kommune"),
        ("contact", "kommun@example.invalid"),
        ("accessibility", "Rapportera brister i webbplatsens tillgänglighet"),
    ],
)
def test_page_type_renders(client, content, key, expected):
    response = client.get(content[key].url)
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_strategy_links_goals_to_what_serves_them(client, content):
    html = client.get(content["strategy"].url).content.decode()
    assert "Förståelse mellan kulturer" in html
    assert content["news_page"].url in html
    assert content["area"].url in html


def test_opportunity_page_has_schema_org_json_ld(client, content):
    html = client.get(content["opportunity_page"].url).content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match
    data = json.loads(match.group(1))
    assert data["@context"] == "https://schema.org"
    assert data["name"] == "Ungdomsutbyte i Italien"
    deadline = timezone.localtime(content["opportunity_page"].deadline)
    assert data["applicationDeadline"] == deadline.isoformat()
    assert deadline.tzinfo.key == "Europe/Stockholm"


def test_project_amounts_are_formatted_per_locale(client, content):
    html = client.get(content["project_page"].url).content.decode()
    # Swedish groups thousands with a (non-breaking) space.
    assert re.search(r"1\s000\s000 kr", html)
    assert re.search(r"400\s000 kr", html)


def test_partners_page_separates_current_and_former(client, tree):
    builders.PartnerFactory(name="Eidsberg kommune", ended_on=datetime.date(2022, 8, 17))
    builders.PartnerFactory(name="Region Jönköpings län")
    html = client.get(tree["partners"].url).content.decode()
    current, former = html.split("Tidigare partner", 1)
    assert "Region Jönköpings län" in current and "Eidsberg kommune" not in current
    assert "Eidsberg kommune" in former


def test_translated_page_shows_translated_snippets(client, content, locales, english_home):
    """A page in English links to the English translation of a Swedish partner."""
    partner_en = content["partner"].copy_for_translation(locales["en"])
    partner_en.name = "Brønderslev Municipality"
    partner_en.save()
    index_en = content["news"].copy_for_translation(locales["en"])
    index_en.save_revision().publish()
    news_en = content["news_page"].copy_for_translation(locales["en"])
    news_en.save_revision().publish()
    html = client.get(news_en.url).content.decode()
    assert "Brønderslev Municipality" in html
    assert "Brønderslev Kommune" not in html


def test_header_navigation_and_footer_come_from_the_cms(client, tree):
    NavigationLink.objects.create(menu="main", page=tree["news"], label="Nyheter", sort_order=1)
    NavigationLink.objects.create(
        menu="footer", url="https://www.nassjo.se/", label="Kommunens webbplats"
    )
    FooterContent.objects.create(organisation="Nässjö kommun", email="kommun@example.invalid")
    html = client.get(tree["news"].url).content.decode()
    assert 'aria-current="page">Nyheter</a>' in html
    assert "Kommunens webbplats" in html
    assert "kommun@example.invalid" in html


def test_translated_news_before_its_index_links_nowhere_dead_and_marks_swedish(content, locales):
    """An Arabic news item published while the Arabic news index is still a draft."""
    ar = locales["ar"]
    home_ar = content["home"].copy_for_translation(ar)
    home_ar.save_revision().publish()
    index_ar = content["news"].copy_for_translation(ar)  # a draft, never published
    news = content["news_page"].copy_for_translation(ar)
    news.title = "تبادل في بولندا"
    news.save_revision().publish()
    index_ar.refresh_from_db()
    assert not index_ar.live

    response = content["news_page"].__class__.objects.get(pk=news.pk)
    html = Client().get(response.get_url()).content.decode()
    assert "تبادل في بولندا" in html
    assert index_ar.get_url() + "?" not in html  # no filter links to the unpublished index
    assert "Brønderslev Kommune" in html
    # The goal and topic have no Arabic translation: shown in Swedish, marked as such.
    # (on a span: a left-to-right list item's marker would stick out of a right-to-left list)
    assert '<li><span lang="sv" dir="ltr">Förståelse mellan kulturer</span></li>' in html
    assert '<li><span lang="sv" dir="ltr">Unga</span></li>' in html

    home_html = Client().get(home_ar.get_url()).content.decode()
    assert '<li class="card" lang="sv" dir="ltr"><h3>Förståelse mellan kulturer' in home_html
    sv_html = Client().get(content["home"].get_url()).content.decode()
    assert '<li class="card"><h3>Förståelse mellan kulturer' in sv_html
    # The Swedish news item still links its filters to the live Swedish index.
    sv_news = Client().get(content["news_page"].get_url()).content.decode()
    assert content["news"].get_url() + "?partner=bronderslev" in sv_news
