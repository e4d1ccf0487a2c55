"""Right-to-left and script-aware fields in wagtail-localize's translation editor.

Answers wagtail-localize issue #197 ("RTL support in the translation editor"): the editor is a
React app that renders every translated value, and the textarea used to edit it, without
``lang`` or ``dir``. Arabic and Persian are then typed left-to-right, punctuation lands on the
wrong side, and browsers pick fonts and hyphenation for the wrong language.

The fix stays outside wagtail-localize's code: ``editor_assets()`` is output through
Wagtail's ``insert_editor_js`` hook (which the editor template renders) and adds

- a JSON table of every site language's direction, from the language table in
  ``core.languages``;
- ``review/editor_direction.js``, which reads the target locale from the editor's own
  ``data-props`` and, whenever React renders, marks each translated value and textarea with
  the target ``lang`` and ``dir`` and each Swedish source text with ``lang="sv" dir="ltr"``;
- ``review/editor_direction.css``: fonts with Arabic and Ethiopic coverage for those
  languages (local fonts only, no third-party requests).

``tests/upstream/test_upstream_wagtail_localize.py`` fails, naming this module, the day the
editor passes or sets a direction itself.
"""

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html, json_script
from django.utils.safestring import mark_safe

from core.languages import language_direction


def language_table() -> dict[str, dict[str, str]]:
    return {code: {"dir": language_direction(code)} for code, _name in settings.LANGUAGES}


def editor_assets() -> str:
    table = json_script(language_table(), "review-editor-languages")
    return mark_safe(  # noqa: S308 - built from escaped parts only
        table
        + format_html('<link rel="stylesheet" href="{}">', static("review/editor_direction.css"))
        + format_html('<script src="{}" defer></script>', static("review/editor_direction.js"))
    )
