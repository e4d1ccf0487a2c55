"""The translation editor gets everything it fetches, for a translator, on every page type.

wagtail-localize's editor fetches each image, document, snippet and page chosen in the page
from the admin APIs and stops with a script error on any answer but JSON (a blank editor).
The demo content has every page type; each page and one of each translatable snippet is
translated into Arabic, and the Arabic translator opens each editor and asks every URL its
props make the script fetch (``review/editor_media.py``).
"""

import json
import re
from html import unescape

from django.contrib.auth.models import Permission

from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page, TranslatableMixin, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationSource

import pytest

from devtools import builders
from devtools.builders import make_user, translate
from review.roles import setup_roles, translator_group_name
from tests import shared_demo
from tests.review.review_helpers import run_on_commit

# What the editor's components fetch for a synchronised value of each widget type
# (wagtail-localize 1.14 static_src/common/components/*Chooser).
FETCHES = {
    "image_chooser": "/admin/api/main/images/{value}/",
    "document_chooser": "/admin/api/main/documents/{value}/",
    "page_chooser": "/admin/api/main/pages/{value}/",
}
# Page models with no Arabic translation by design: none.
UNTRANSLATED_PAGE_MODELS: set[str] = set()


def editor_props(response) -> dict:
    match = re.search(r'data-props="([^"]*)"', response.content.decode())
    assert match, "no translation editor in the page"
    return json.loads(unescape(match.group(1)))


def fetched_urls(props) -> list[str]:
    """Every admin URL the editor's script fetches when it renders ``props``."""
    overrides = {o["segment_id"]: o["data"] for o in props.get("initialOverrides", [])}
    urls = []
    for segment in props["segments"]:
        if segment["type"] != "synchronised_value":
            continue
        widget = segment["location"]["widget"]
        for value in (segment["value"], overrides.get(segment["id"])):
            if not value:
                continue
            if widget["type"] == "snippet_chooser":
                model = widget["snippet_model"]
                urls.append(
                    f"/admin/localize/api/snippets/{model['app_label']}/{model['model_name']}/"
                    f"{value}/"
                )
            elif widget["type"] in FETCHES:
                urls.append(FETCHES[widget["type"]].format(value=value))
    return urls


def translate_snippet(instance, locale: Locale):
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation = builders.TranslationFactory(source=source, target_locale=locale)
    builders.translate_segments(source, locale, text=lambda s: f"[ar] {s.string.data}")
    with run_on_commit():
        translation.save_target(publish=True)
    return instance.get_translation(locale)


@pytest.fixture
def demo_in_arabic(db):
    # Built once per test process (tests/shared_demo.py); DEBUG, which the command's
    # accounts step asks for, plays no part in its content.
    shared_demo.load_demo()
    setup_roles()
    ar = Locale.objects.get(language_code="ar")
    targets = []
    for page in Page.objects.filter(
        locale__language_code="sv", depth__gt=1, alias_of=None
    ).order_by("path"):
        page = page.specific
        existing = Translation.objects.filter(
            source__object_id=page.translation_key, target_locale=ar
        ).exists()
        target = page.get_translation_or_none(ar) if existing else translate(page, "ar")
        if target is not None:
            targets.append(target.specific)
    from tests.review_snippets.models import Notice

    Notice.objects.get_or_create(text="Ett meddelande", locale=Locale.get_default())
    for model in get_snippet_models():
        if not issubclass(model, TranslatableMixin):
            continue
        instance = model.objects.filter(locale__language_code="sv").order_by("pk").first()
        assert instance is not None, f"the demo has no {model.__name__} to translate"
        targets.append(instance.get_translation_or_none(ar) or translate_snippet(instance, ar))
    return targets


def editor_url(target) -> str:
    if isinstance(target, Page):
        return f"/admin/pages/{target.pk}/edit/"
    meta = target._meta
    return f"/admin/snippets/{meta.app_label}/{meta.model_name}/edit/{target.pk}/"


@pytest.mark.django_db
def test_the_arabic_translator_gets_everything_each_editor_fetches(client, demo_in_arabic):
    translator = make_user("granskare-ar", translator_group_name("ar"))
    client.force_login(translator)
    covered_models = set()
    asked = {}
    problems = []
    for target in demo_in_arabic:
        response = client.get(editor_url(target))
        if response.status_code != 200:
            problems.append(f"{editor_url(target)}: {response.status_code}")
            continue
        covered_models.add(type(target))
        for url in fetched_urls(editor_props(response)):
            answer = client.get(url)
            asked[url] = answer.status_code
            if answer.status_code != 200 or answer["Content-Type"] != "application/json":
                problems.append(f"{type(target).__name__} {url}: {answer.status_code}")
            else:
                answer.json()  # parses
    assert not problems, "\n".join(problems)

    page_models = {
        model
        for model in get_page_models()
        if model is not Page and model.__name__ not in UNTRANSLATED_PAGE_MODELS
    }
    snippet_models = {m for m in get_snippet_models() if issubclass(m, TranslatableMixin)}
    assert page_models | snippet_models <= covered_models, (page_models | snippet_models) - (
        covered_models
    )
    # The fetches that broke the editor are among those asked: images and programmes.
    assert any("/images/" in url for url in asked), asked
    assert any("/snippets/international/programme/" in url for url in asked), asked


@pytest.fixture
def small_tree(tree, users):
    """A Swedish news item with an image and a programme'd opportunity, both in Arabic; a
    second news item only in Somali with its own image; images nobody uses."""
    from wagtail.images.models import Image

    home = tree["home"]
    images = {
        name: Image.objects.create(title=name, file=get_test_image_file())
        for name in ("used", "unused", "so_only")
    }
    news_index = builders.NewsIndexPageFactory(parent=home)
    news = builders.NewsPageFactory(parent=news_index, image=images["used"], image_alt="Bild")
    news.save_revision().publish()
    translate(news, "ar")
    so_news = builders.NewsPageFactory(parent=news_index, image=images["so_only"], image_alt="B")
    so_news.save_revision().publish()
    translate(so_news, "so")
    programme = builders.ProgrammeFactory(locale=Locale.get_default())
    lonely = builders.ProgrammeFactory(locale=Locale.get_default())
    opportunities = builders.OpportunityIndexPageFactory(parent=home)
    opportunity = builders.OpportunityPageFactory(parent=opportunities, programme=programme)
    opportunity.save_revision().publish()
    translate(opportunity, "ar")
    staff = make_user("personal")
    staff.is_staff = True
    staff.save()
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return {**images, "programme": programme, "lonely": lonely, "staff": staff}


@pytest.mark.django_db
def test_the_library_stays_closed_beyond_the_translators_work(client, users, small_tree):
    def status(user, url):
        client.force_login(users[user] if user in users else small_tree[user])
        return client.get(url).status_code

    image_url = "/admin/api/main/images/{}/".format
    used, unused, so_only = small_tree["used"], small_tree["unused"], small_tree["so_only"]
    assert status("ar", image_url(used.pk)) == 200
    assert status("ar", image_url(unused.pk)) == 404
    assert status("ar", image_url(so_only.pk)) == 404  # a Somali page's: not Arabic work
    assert status("so", image_url(so_only.pk)) == 200
    assert status("uk", image_url(used.pk)) == 404  # no Ukrainian translation of the news
    client.force_login(users["ar"])
    listed = {item["id"] for item in client.get("/admin/api/main/images/").json()["items"]}
    assert listed == {used.pk}
    # The library's own views stay closed to the translator.
    assert status("ar", f"/admin/images/{used.pk}/") in (302, 403)
    client.force_login(users["ar"])
    chooser = client.get("/admin/images/chooser/results/").content.decode()
    assert "used" not in chooser and "unused" not in chooser
    # Other roles as before: without a permission on images, no image API.
    assert status("samordnare", image_url(used.pk)) == 403
    assert status("staff", image_url(used.pk)) == 403
    assert status("admin", image_url(unused.pk)) == 200
    assert status("kommunikator", image_url(unused.pk)) == 403

    snippet_url = "/admin/localize/api/snippets/international/programme/{}/".format
    assert status("ar", snippet_url(small_tree["programme"].pk)) == 200
    assert status("ar", snippet_url(small_tree["lonely"].pk)) == 404
    assert status("uk", snippet_url(small_tree["programme"].pk)) == 404
    assert status("admin", snippet_url(small_tree["lonely"].pk)) == 200


@pytest.mark.django_db
def test_a_missing_admin_url_answers_404_without_a_language_prefix(client, users):
    client.force_login(users["ar"])
    response = client.get("/admin/localize/api/snippets/international/programme/999999/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert client.get("/admin/finns-inte/").status_code == 404
    # Readers' paths still get their language.
    response = client.get("/finns-inte/")
    assert response.status_code == 302 and response.url.startswith("/sv/")
