"""``|isolate_protected``: "do not translate" spans isolated left to right when rendered.

Used by ``core/templates/wagtailcore/shared/richtext.html``, the template through which
Wagtail renders every ``|richtext`` filter and ``RichText`` block (see
``core.protected_text.isolate``).
"""

from django import template
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from core.bidi import isolate_ltr_runs, isolate_plain_text
from core.protected_text import isolate

register = template.Library()


@register.filter(is_safe=True)
def isolate_protected(html):
    # The html is Wagtail's expanded rich text, already trusted by its own template.
    return mark_safe(isolate(str(html)))  # noqa: S308


@register.filter(is_safe=True)
def isolate_ltr_data(html):
    """Rich text in a right-to-left language with its phone numbers, dates, amounts,
    addresses and Latin names isolated left to right (``core.bidi``); unchanged elsewhere."""
    if not translation.get_language_bidi():
        return html
    return mark_safe(isolate_ltr_runs(str(html)))  # noqa: S308


@register.filter(is_safe=True)
def isolate_ltr(text):
    """A plain-text field, escaped, isolated as ``isolate_ltr_data`` does for rich text."""
    if text is None or text == "":
        return ""
    if not translation.get_language_bidi():
        return conditional_escape(text)
    return mark_safe(isolate_plain_text(str(text)))  # noqa: S308
