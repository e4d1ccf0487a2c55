"""The translation editor shows similar human translations from the memory (issue #23)."""

import re

from django.urls import reverse

from wagtail_localize.models import StringTranslation

import pytest

from devtools.builders import add_child_page, edit_string, make_user, translate
from review.roles import setup_roles, translator_group_name

HUMAN = {"ar": "تتعاون البلدية مع شركاء في أوروبا.", "ti": "ምምሕዳር ምስ መሻርኽቲ ኣብ ኤውሮጳ ይሰርሕ።"}


def editor_html(client, user, target) -> str:
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    assert response.status_code == 200
    return response.content.decode()


def panel_of(html: str) -> str:
    match = re.search(r'<details class="review-fuzzy".*?</details>', html, re.S)
    assert match, "no fuzzy memory panel"
    return match.group(0)


@pytest.fixture
def similar(tree):
    """A page whose intro differs from the agency page's by two words, translated by people
    into Arabic and Tigrinya."""
    other = add_child_page(
        tree["home"], "Samarbete", "samarbete", intro="Kommunen samarbetar med partner i Europa."
    )
    for code, text in HUMAN.items():
        translate(
            other,
            code,
            kind=StringTranslation.TRANSLATION_TYPE_MANUAL,
            prefix="",
            publish=True,
        )
        StringTranslation.objects.filter(
            locale__language_code=code,
            context__object_id=other.translation_key,
            context__path="intro",
        ).update(data=text)
    return other


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("ti", "ltr")])
def test_editor_shows_the_suggestion_with_its_swedish_difference(
    client, users, tree, similar, code, direction
):
    target = translate(tree["page"], code)  # a machine draft
    setup_roles()  # the Tigrinya home exists now: its translators' page permissions
    user = users.get(code) or make_user(f"oversattare-{code}", translator_group_name(code))
    html = editor_html(client, user, target)
    panel = panel_of(html)

    # The page's intro "Kommunen samarbetar i Europa." is like the other page's.
    assert f'<span class="review-fuzzy-text" lang="{code}" dir="{direction}">{HUMAN[code]}' in (
        panel
    )
    similarity = int(re.search(r'data-similarity="(\d+)"', panel).group(1))
    assert 75 <= similarity < 100
    assert f"{similarity} %" in panel
    # The old Swedish against this one: "med partner" is not in this text.
    assert re.search(
        r'<span lang="sv" dir="ltr">Kommunen samarbetar <del>med partner ?</del>', panel
    )
    # Beside the machine draft of the same string.
    assert (
        f'lang="{code}" dir="{direction}">[{code}/machine] Kommunen samarbetar i Europa.' in panel
    )
    assert f'data-text="{HUMAN[code]}"' in panel
    assert "review/fuzzy_memory.js" in html
    # The title "Strategin" has no similar translation.
    assert panel.count('class="review-fuzzy-string"') == 1


def test_no_panel_once_a_person_translated_the_exact_text(client, users, tree, similar):
    target = translate(tree["page"], "ar")
    edit_string(target, "ترجمة بشرية", field_path="intro")
    html = editor_html(client, users["ar"], target)
    assert 'class="review-fuzzy"' not in html
    assert "review/fuzzy_memory.js" not in html


def test_panel_escapes_the_texts(client, users, tree, similar):
    StringTranslation.objects.filter(
        locale__language_code="ar", context__object_id=similar.translation_key
    ).update(data='"><script>alert(1)</script> &amp; x')
    target = translate(tree["page"], "ar")
    panel = panel_of(editor_html(client, users["ar"], target))
    assert "<script>alert(1)" not in panel
    assert "&lt;script&gt;" in panel or "&quot;&gt;" in panel
