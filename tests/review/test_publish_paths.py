"""Every path that could put text live in another language goes through the publish rule.

Each test replays a way the promise broke (issue 9) as the role that broke it.
"""

import io
import json
import zipfile
from urllib.parse import urlencode

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

import polib
import pytest

from devtools.builders import add_child_page, edit_string, make_user, translate
from review.models import Role
from review.publish_rules import PublishRuleTester, is_installed
from review.roles import setup_roles, translator_group_name, user_locale_codes
from tests.review.review_helpers import translation_for
from translation.carry_forward import TOOL_NAME as CARRIED


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def live_row(page):
    """What a reader gets: the page row as it is in the database."""
    page = Page.objects.get(pk=page.pk).specific
    return page.live, page.title, page.intro


@pytest.fixture
def published(tree):
    """The Swedish page, translated by hand into ar and published; a machine draft in uk."""
    page = tree["page"]
    ar = translate(page, "ar", kind="manual", publish=True, prefix="[ar] ")
    uk = translate(page, "uk")
    return {"page": page, "ar": ar, "uk": uk}


def republish_swedish(page, **changes):
    page = Page.objects.get(pk=page.pk).specific
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_the_rule_is_installed_in_wagtails_permission_tester(tree):
    # Fails the day Wagtail stops asking a page class for its tester (permissions_for_user).
    assert is_installed(), "review.publish_rules.install() no longer takes effect"
    assert isinstance(tree["page"].permissions_for_user(make_user("x")), PublishRuleTester)


# 1. Sync translated pages ------------------------------------------------------------------


@pytest.mark.parametrize("role", ["kommunikator", "samordnare"])
def test_sync_with_publish_is_refused_for_communicator_and_coordinator(
    client, users, published, role
):
    page = republish_swedish(published["page"], intro="Ny svensk ingress.")
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    before = {code: live_row(published[code]) for code in ("ar", "uk")}
    client.force_login(users[role])
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    assert any("Inget har ändrats" in text for text in messages_of(response))
    assert {code: live_row(published[code]) for code in ("ar", "uk")} == before
    assert not Page.objects.get(pk=published["uk"].pk).live


def test_sync_without_publish_changes_no_target(client, users, published):
    page = republish_swedish(published["page"], intro="Ny svensk ingress.")
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    before = live_row(published["ar"])
    revisions = published["ar"].revisions.count()
    client.force_login(users["kommunikator"])
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.post(url, {}).status_code == 302
    assert live_row(published["ar"]) == before
    assert published["ar"].revisions.count() == revisions


def test_submit_into_other_locales_is_refused_for_communicator(client, users, tree):
    page = add_child_page(tree["home"], "Nyheter", "nyheter", intro="Nytt")
    client.force_login(users["kommunikator"])
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    ar_locale = Locale.objects.get(language_code="ar")
    response = client.post(url, {"locales": [ar_locale.pk]})
    assert response.status_code == 302
    assert any("Inget har översatts" in text for text in messages_of(response))
    assert not Page.objects.filter(translation_key=page.translation_key, locale=ar_locale).exists()


# 2. Drafts are drafts --------------------------------------------------------------------


def test_queue_refresh_saves_a_revision_not_the_live_row(client, users, published):
    republish_swedish(published["page"], intro="Kommunen samarbetar i hela världen.")
    before = live_row(published["ar"])
    revisions = published["ar"].revisions.count()
    client.force_login(users["ar"])
    response = client.post(reverse("review:refresh", args=[published["ar"].pk]))
    assert response.status_code == 302
    assert live_row(published["ar"]) == before
    assert published["ar"].revisions.count() == revisions + 1
    draft = Page.objects.get(pk=published["ar"].pk).get_latest_revision_as_object()
    # The translator's text of the changed intro is carried into the draft, to be checked.
    assert draft.intro == "[ar] Kommunen samarbetar i Europa."
    carried = StringTranslation.objects.get(
        locale=published["ar"].locale, translation_of__data="Kommunen samarbetar i hela världen."
    )
    assert carried.tool_name == CARRIED


def test_po_export_and_import_leave_the_live_page_alone(client, users, published):
    republish_swedish(published["page"], intro="Kommunen samarbetar i hela världen.")
    before = live_row(published["ar"])
    client.force_login(users["ar"])
    response = client.post(reverse("review:po_export", args=["ar"]))
    assert response.status_code == 200
    assert live_row(published["ar"]) == before
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    suffix = f"-{translation_for(published['ar']).pk}-ar.po"
    name = next(name for name in archive.namelist() if name.endswith(suffix))
    po = polib.pofile(archive.read(name).decode())
    for entry in po:
        entry.msgstr = f"[byrå] {entry.msgid}"
    upload = io.BytesIO(str(po).encode())
    upload.name = name
    response = client.post(reverse("review:po_import", args=["ar"]), {"file": upload})
    assert response.status_code == 302
    assert live_row(published["ar"]) == before
    draft = Page.objects.get(pk=published["ar"].pk).get_latest_revision_as_object()
    assert draft.title.startswith("[byrå]")


# 3. The admin API's publish -------------------------------------------------------------


def test_admin_api_publish_of_unreviewed_machine_text_is_refused(client, users, published):
    client.force_login(users["uk"])
    url = f"/admin/api/main/pages/{published['uk'].pk}/action/publish/"
    response = client.post(url, data="{}", content_type="application/json")
    assert response.status_code == 403
    assert not Page.objects.get(pk=published["uk"].pk).live


def test_admin_api_publish_in_another_language_is_refused(client, users, published):
    edit_string(published["uk"], "Людина", users["uk"], field_path="title")
    client.force_login(users["ar"])
    url = f"/admin/api/main/pages/{published['uk'].pk}/action/publish/"
    response = client.post(url, data="{}", content_type="application/json")
    # The API hides other languages' pages (404; the locale middleware turns it into a redirect).
    assert response.status_code in (302, 403, 404)
    assert not Page.objects.get(pk=published["uk"].pk).live


def test_bulk_publish_refused_with_message(client, users, published):
    client.force_login(users["uk"])
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        + f"?id={published['uk'].pk}"
    )
    response = client.post(url, {})
    assert response.status_code in (200, 302)
    assert not Page.objects.get(pk=published["uk"].pk).live


# 4. Convert to alias ---------------------------------------------------------------------


def test_convert_to_alias_is_refused_and_keeps_the_translation(client, users, published):
    target = published["ar"]
    before = live_row(target)
    client.force_login(users["ar"])
    url = reverse("wagtail_localize:convert_to_alias", args=[target.pk])
    response = client.post(url)
    assert response.status_code == 302
    assert any("alias" in text for text in messages_of(response))
    target.refresh_from_db()
    assert target.alias_of_id is None
    assert live_row(target) == before
    assert translation_for(target).enabled


# 5. A string with an error blocks publishing ----------------------------------------------


def test_invalid_html_string_blocks_publish_with_its_name(client, users, published):
    target = published["ar"]
    translation = translation_for(target)
    segment = StringSegment.objects.select_related("context").get(
        source=translation.source, context__path="intro"
    )
    client.force_login(users["ar"])
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(
        url,
        data=urlencode({"value": '<a href="https://ond.example">klicka</a>'}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200, response.content
    assert StringTranslation.objects.get(
        locale=target.locale, translation_of_id=segment.string_id, context=segment.context
    ).has_error
    before = live_row(target)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
    )
    assert response.status_code == 302
    text = " ".join(messages_of(response))
    assert "intro" in text and "Kommunen samarbetar i Europa" in text
    assert live_row(target) == before
    response = client.post(
        f"/admin/api/main/pages/{target.pk}/action/publish/",
        data="{}",
        content_type="application/json",
    )
    assert response.status_code == 403
    assert live_row(target) == before


# 6. Read-only leaks ------------------------------------------------------------------------


def test_translations_report_lists_only_own_languages(client, users, published):
    client.force_login(users["ar"])
    response = client.get(reverse("wagtail_localize:translations_report"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "(العربية)" in body  # a row of the translator's own language
    assert "(Українська)" not in body and "(Soomaali)" not in body


def test_snippet_api_needs_a_permission_on_the_model(client, users, tree):
    client.force_login(users["ar"])
    url = reverse("wagtail_localize:snippets_api_listing", args=["review", "readerreport"])
    assert client.get(url).status_code == 403
    url = reverse("wagtail_localize:snippets_api_listing", args=["translation", "languagesettings"])
    assert client.get(url).status_code == 403


def test_images_api_needs_image_permission(client, users, tree):
    from wagtail.images.models import Image

    Image.objects.create(title="Hemligt", file=get_test_image_file())
    client.force_login(users["ar"])
    response = client.get("/admin/api/main/images/")
    # Only what the translator's pages refer to (review/editor_media.py): nothing here.
    assert response.status_code == 200
    assert json.loads(response.content)["meta"]["total_count"] == 0
    client.force_login(users["samordnare"])
    assert client.get("/admin/api/main/images/").status_code == 403
    client.force_login(users["admin"])
    response = client.get("/admin/api/main/images/")
    assert response.status_code == 200
    assert json.loads(response.content)["meta"]["total_count"] == 1


# Roles by data -----------------------------------------------------------------------------


def test_renaming_a_group_changes_nothing(client, users, published):
    from django.contrib.auth.models import Group

    group = Group.objects.get(name=translator_group_name("ar"))
    group.name = "Arabiska (byrå)"
    group.save()
    assert Role.objects.get(group=group).locale.language_code == "ar"
    fresh = type(users["ar"]).objects.get(pk=users["ar"].pk)
    assert user_locale_codes(fresh) == {"ar"}
    setup_roles()  # finds the group by its role, makes no second one
    assert not Group.objects.filter(name=translator_group_name("ar")).exists()
    client.force_login(users["ar"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[published["ar"].pk]))
    assert response.status_code == 200
