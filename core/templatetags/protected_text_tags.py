"""``|isolate_protected``: "do not translate" spans isolated left to right when rendered.

Used by ``core/templates/wagtailcore/shared/richtext.html``, the template through which
Wagtail renders every ``|richtext`` filter and ``RichText`` block (see
``core.protected_text.isolate``).
"""

from django import template
from django.utils.safestring import mark_safe

from core.protected_text import isolate

register = template.Library()


@register.filter(is_safe=True)
def isolate_protected(html):
    # The html is Wagtail's expanded rich text, already trusted by its own template.
    return mark_safe(isolate(str(html)))  # noqa: S308
