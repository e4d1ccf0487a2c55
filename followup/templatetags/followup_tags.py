from django import template

from followup.datasets import format_value

register = template.Library()


@register.simple_tag
def figure(value, unit):
    """A figure with its unit, formatted for the active language (1 200 000 kr, 42 %)."""
    return format_value(value, unit)
