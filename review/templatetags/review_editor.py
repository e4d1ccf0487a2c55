from django import template

from ..editor_footers import with_carried_footers, with_fact_footers
from ..fuzzy_panel import safe_panel_context

register = template.Library()


@register.filter
def carried_footers(props: str) -> str:
    return with_fact_footers(with_carried_footers(props))


@register.inclusion_tag("review/fuzzy_panel.html")
def fuzzy_panel(props: str) -> dict:
    return safe_panel_context(props)
