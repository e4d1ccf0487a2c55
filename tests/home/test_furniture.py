"""Navigation and footer come from translatable snippets, in the reader's language."""

from home.models import FooterContent, NavigationLink


def test_english_page_uses_translated_links_and_marks_swedish_fallback(
    client, tree, locales, english_home
):
    link = NavigationLink.objects.create(menu="main", page=tree["news"], label="Nyheter")
    NavigationLink.objects.create(menu="main", page=tree["projects"], label="Projekt")
    FooterContent.objects.create(organisation="Nässjö kommun", email="kommun@example.invalid")
    link_en = link.copy_for_translation(locales["en"])
    link_en.label = "News"
    link_en.save()
    news_en = tree["news"].copy_for_translation(locales["en"])
    news_en.save_revision().publish()

    html = client.get("/en/").content.decode()
    assert f'<a href="{news_en.url}">News</a>' in html
    # The projects page has no English version: the link says it leads to Swedish.
    assert f'<a href="{tree["projects"].url}" lang="sv" dir="ltr" hreflang="sv">Projekt</a>' in html
    # The untranslated footer's Swedish text is marked Swedish, element by element.
    assert '<p lang="sv" dir="ltr">Nässjö kommun</p>' in html


def test_contact_and_accessibility_pages_have_their_channels(client, tree):
    html = client.get(tree["accessibility"].url).content.decode()
    assert 'href="mailto:tillganglighet@example.invalid"' in html
    assert "DIGG" in html
    html = client.get(tree["contact"].url).content.decode()
    assert 'href="tel:0380-000000"' in html
