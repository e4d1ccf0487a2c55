from django import template

from ..editor_footers import with_carried_footers

register = template.Library()


@register.filter
def carried_footers(props: str) -> str:
    return with_carried_footers(props)
