from django import template

from ..editor_footers import with_carried_footers, with_fact_footers

register = template.Library()


@register.filter
def carried_footers(props: str) -> str:
    return with_fact_footers(with_carried_footers(props))
