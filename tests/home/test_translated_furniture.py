"""A translated home page is a translated page: its menu, footer, goals, news and
opportunities come from their translations where published, and what is still Swedish is
marked ``lang="sv" dir="ltr"`` element by element (issue 18, part 2)."""

import datetime
import re

from django.utils import timezone

import pytest

from devtools import builders
from home.models import FooterContent, NavigationLink
from organisation.models import OrganisationName, OrganisationSettings


@pytest.fixture
def arabic_home(home, locales):
    page = home.copy_for_translation(locales["ar"])
    page.title = "نيشو في العالم"
    page.save_revision().publish()
    return page


def publish_translation(page, locale, title, **fields):
    target = page.copy_for_translation(locale)
    target.title = title
    for name, value in fields.items():
        setattr(target, name, value)
    target.save_revision().publish()
    return target


def anchor(html, href):
    found = re.search(rf'<a href="{re.escape(href)}"[^>]*>[^<]*</a>', html)
    assert found, (href, html)
    return found.group(0)


def test_menu_links_lead_into_the_readers_language_with_its_titles(
    client, tree, locales, arabic_home
):
    NavigationLink.objects.create(
        menu="main", page=tree["strategy"], label="Strategi", sort_order=1
    )
    news_link = NavigationLink.objects.create(
        menu="main", page=tree["news"], label="Nyheter", sort_order=2
    )
    NavigationLink.objects.create(menu="main", page=tree["projects"], label="Projekt", sort_order=3)
    NavigationLink.objects.create(
        menu="footer", url="https://www.example.invalid/", label="Kommunens webbplats"
    )
    strategy_ar = publish_translation(tree["strategy"], locales["ar"], "الاستراتيجية")
    news_ar = publish_translation(tree["news"], locales["ar"], "صفحة الأخبار")
    link_ar = news_link.copy_for_translation(locales["ar"])
    link_ar.label = "الأخبار"
    link_ar.save()

    html = client.get("/ar/").content.decode()
    # The menu link is not translated, its page is: the page's Arabic title, in Arabic.
    assert anchor(html, strategy_ar.url) == f'<a href="{strategy_ar.url}">الاستراتيجية</a>'
    # A translated menu link keeps its own label.
    assert anchor(html, news_ar.url) == f'<a href="{news_ar.url}">الأخبار</a>'
    # No Arabic page: the Swedish one, its label marked Swedish and left to right.
    assert anchor(html, tree["projects"].url) == (
        f'<a href="{tree["projects"].url}" lang="sv" dir="ltr" hreflang="sv">Projekt</a>'
    )
    assert anchor(html, "https://www.example.invalid/") == (
        '<a href="https://www.example.invalid/" lang="sv" dir="ltr">Kommunens webbplats</a>'
    )
    # Swedish readers see the Swedish menu.
    html = client.get("/sv/").content.decode()
    assert f'<a href="{tree["strategy"].url}">Strategi</a>' in html


def footer_section(html):
    return re.search(r'<section class="footer-contact".*?</section>', html, re.S).group(0)


def test_untranslated_footer_is_swedish_only_where_its_text_is(client, home, locales, arabic_home):
    FooterContent.objects.create(
        heading="Kontakt",
        organisation="Nässjö kommun, kommunledningskontoret",
        address="571 80 Nässjö",
        phone="0380-51 80 00",
        email="kommun@example.invalid",
        note="Telefonväxeln har öppet vardagar 8–16.",
    )
    footer = footer_section(client.get("/ar/").content.decode())
    # The section is in the reader's language; the heading is the interface's own.
    assert footer.startswith(
        '<section class="footer-contact" aria-labelledby="footer-contact-heading">'
    )
    assert '<h2 id="footer-contact-heading">التواصل</h2>' in footer
    assert '<p lang="sv" dir="ltr">Nässjö kommun, kommunledningskontoret</p>' in footer
    assert '<address lang="sv" dir="ltr">571 80 Nässjö</address>' in footer
    assert '<p lang="sv" dir="ltr">Telefonväxeln har öppet vardagar 8–16.</p>' in footer
    # The Arabic label outside any Swedish element, the number isolated left to right.
    assert '<li>الهاتف: <a href="tel:0380-518000" dir="ltr">0380-51 80 00</a></li>' in footer
    assert 'dir="ltr">kommun@example.invalid</a>' in footer


def test_organisation_name_in_the_readers_language_replaces_the_swedish_one(
    client, home, locales, arabic_home
):
    FooterContent.objects.create(organisation="Nässjö kommun", phone="0380-51 80 00")
    settings = OrganisationSettings.objects.create(site=home.get_site(), name="Nässjö kommun")
    OrganisationName.objects.create(settings=settings, locale=locales["ar"], name="بلدية نيشو")
    footer = footer_section(client.get("/ar/").content.decode())
    assert "<p>بلدية نيشو</p>" in footer
    assert "Nässjö kommun" not in footer


def test_translated_footer_is_the_readers(client, home, locales, arabic_home):
    source = FooterContent.objects.create(
        heading="Kontakta kommunen",
        organisation="Nässjö kommun",
        phone="0380-51 80 00",
        note="Öppet vardagar 8–16.",
    )
    ar = source.copy_for_translation(locales["ar"])
    ar.heading = "اتصل بالبلدية"
    ar.organisation = "بلدية نيشو"
    ar.note = "مفتوح أيام العمل 8–16."
    ar.save()
    footer = footer_section(client.get("/ar/").content.decode())
    assert '<h2 id="footer-contact-heading">اتصل بالبلدية</h2>' in footer
    assert "<p>بلدية نيشو</p>" in footer
    assert "<p>مفتوح أيام العمل 8–16.</p>" in footer
    assert 'lang="sv"' not in footer


def test_furniture_cache_is_per_language_and_forgets_a_new_translation(
    client, tree, locales, arabic_home
):
    link = NavigationLink.objects.create(menu="main", page=tree["news"], label="Nyheter")
    assert ">Nyheter</a>" in client.get("/ar/").content.decode()
    assert ">Nyheter</a>" in client.get("/sv/").content.decode()
    link_ar = link.copy_for_translation(locales["ar"])
    link_ar.label = "الأخبار"
    link_ar.save()
    assert ">الأخبار</a>" in client.get("/ar/").content.decode()
    sv = client.get("/sv/").content.decode()
    assert ">Nyheter</a>" in sv and "الأخبار" not in sv
    news_ar = publish_translation(tree["news"], locales["ar"], "الأخبار")
    assert f'<a href="{news_ar.url}">الأخبار</a>' in client.get("/ar/").content.decode()


def test_translated_home_shows_its_languages_news_and_open_opportunities(
    client, tree, locales, arabic_home
):
    news_ar_index = publish_translation(tree["news"], locales["ar"], "الأخبار")
    opportunities_ar_index = publish_translation(tree["opportunities"], locales["ar"], "الفرص")
    news = builders.NewsPageFactory(parent=tree["news"], title="Unga till Italien")
    opportunity = builders.OpportunityPageFactory(
        parent=tree["opportunities"],
        title="Utbyte i Polen",
        opens_at=timezone.now() - datetime.timedelta(days=3),
        deadline=timezone.now() + datetime.timedelta(days=30),
    )
    swedish_only = builders.NewsPageFactory(parent=tree["news"], title="Bara på svenska")
    news_ar = publish_translation(news, locales["ar"], "شباب إلى إيطاليا")
    opportunity_ar = publish_translation(opportunity, locales["ar"], "تبادل في بولندا")
    assert news_ar.get_parent().pk == news_ar_index.pk
    assert opportunity_ar.get_parent().pk == opportunities_ar_index.pk

    html = client.get("/ar/").content.decode()
    assert 'class="latest-news"' in html and "شباب إلى إيطاليا" in html
    assert 'class="open-opportunities"' in html and "تبادل في بولندا" in html
    assert swedish_only.title not in html
