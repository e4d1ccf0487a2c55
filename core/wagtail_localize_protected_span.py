"""Upstream workaround: a ``<span>`` stays inline in wagtail-localize's segments.

wagtail-localize (1.14, ``wagtail_localize/strings.py``) treats only ``a, abbr, acronym, b,
code, em, i, strong, br`` as inline: any other tag splits its paragraph, so the
"do not translate" mark (``<span translate="no">``, see ``core.protected_text``) would become a
segment of its own, translated out of its sentence; and ``validate_element`` refuses an ``id``
on anything but ``<a>``, the id by which the span's attributes (``translate="no"``,
``dir="ltr"``) are put back in every translation. This adds
``span`` to ``INLINE_TAGS`` and lets a span carry that id, nothing else. Delete this module
and its guard (tests/upstream/test_upstream_protected_span.py) when wagtail-localize keeps
spans inline by itself: the guard fails that day.

Applied once from ``CoreConfig.ready``.
"""

from wagtail_localize import strings

from bs4 import Tag

# Whether upstream lacked span when we added it: the guard checks this stays True.
UPSTREAM_HAD_SPAN = "span" in strings.INLINE_TAGS
_upstream_validate = strings.validate_element


def _validate_element(element):
    if isinstance(element, Tag) and element.name == "span" and set(element.attrs) <= {"id"}:
        for child in element.children:
            strings.validate_element(child)
        return
    _upstream_validate(element)


def apply() -> None:
    if "span" not in strings.INLINE_TAGS:
        # In place: the module's functions read this very list.
        strings.INLINE_TAGS.append("span")
    strings.validate_element = _validate_element
