"""The translation editor page carries the direction table and assets (issue #197)."""

import json
import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.urls import reverse

from devtools.builders import translate


def test_editor_page_includes_direction_assets(client, users, tree):
    target = translate(tree["page"], "ar")
    client.force_login(users["ar"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk])).content.decode()
    table = re.search(
        r'<script id="review-editor-languages" type="application/json">(.*?)</script>', html
    )
    languages = json.loads(table.group(1))
    assert languages["ar"] == {"dir": "rtl"}
    assert languages["fa"] == {"dir": "rtl"}
    assert languages["ti"] == {"dir": "ltr"}
    assert languages["sv"] == {"dir": "ltr"}
    assert "review/editor_direction.js" in html
    assert "review/editor_direction.css" in html


def test_tigrinya_gets_an_ethiopic_font():
    css = Path(finders.find("review/editor_direction.css")).read_text(encoding="utf-8")
    rule = css.split('[lang="ti"]', 1)[1].split("}", 1)[0]
    assert '"Noto Sans Ethiopic"' in rule
