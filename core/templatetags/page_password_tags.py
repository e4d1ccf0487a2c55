"""The signed token of a protected page's password form (``core/page_password.py``)."""

from django import template

from core.page_password import form_token

register = template.Library()


@register.simple_tag
def page_password_token(restriction, page) -> str:
    return form_token(restriction.pk, page.pk)
